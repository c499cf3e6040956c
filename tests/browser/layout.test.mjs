// Every kind of page at a phone's width (375 px) and a desktop's (1280 px):
// the page never scrolls sideways (wide tables scroll inside their own box),
// charts fit the screen, are named for screen readers and have no text on
// top of other text, and score bars show what their label says. A
// full-page screenshot of each is written to target/screenshots/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch } from './lib.mjs';
import { SITES, WIDTHS, buildAndServe, screenshotDir } from './sites.mjs';

/** Chart labels are drawn at 14 user units in a 600-unit-wide SVG; on a phone that is about 8 px. */
const MIN_CHART_TEXT_PX = 8;

let browser;
const shots = screenshotDir();

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** What the page looks like to the tests, measured in the browser. */
function measure() {
  const se = document.scrollingElement;
  const vw = se.clientWidth;
  const box = (e) => e.getBoundingClientRect();
  const name = (e) => {
    const label = e.getAttribute('aria-label');
    if (label) return label.trim();
    const ids = (e.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    if (ids.length) {
      return ids
        .map((id) => document.getElementById(id)?.textContent.trim() ?? '')
        .join(' ')
        .trim();
    }
    return e.querySelector(':scope > title')?.textContent.trim() ?? '';
  };
  const charts = [...document.querySelectorAll('main svg')].map((svg) => {
    const r = box(svg);
    const scale = svg.getScreenCTM()?.a ?? 1;
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim())
      .map((t) => {
        const b = box(t);
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        return { text: t.textContent.trim(), left: b.left, right: b.right, top: b.top, bottom: b.bottom, size };
      });
    const overlaps = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i];
        const b = texts[j];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        // Boxes include the font's line gap; touching boxes are fine.
        if (w > 1 && h > 2) overlaps.push(`"${a.text}" / "${b.text}"`);
      }
    }
    const outside = texts
      .filter((t) => t.left < r.left - 1 || t.right > r.right + 1 || t.top < r.top - 1 || t.bottom > r.bottom + 1)
      .map((t) => t.text);
    return {
      cls: svg.getAttribute('class'),
      role: svg.getAttribute('role'),
      name: name(svg),
      left: r.left,
      right: r.right,
      width: r.width,
      minText: Math.min(...texts.map((t) => t.size)),
      texts: texts.length,
      overlaps,
      outside,
    };
  });
  const bars = [...document.querySelectorAll('.bar')].map((bar) => {
    const fill = bar.querySelector('.bar-fill');
    const label = bar.getAttribute('aria-label') || '';
    const m = /\(([\d.,]+)%\)/.exec(label);
    return {
      label,
      role: bar.getAttribute('role'),
      width: box(bar).width,
      ratio: fill ? box(fill).width / box(bar).width : null,
      pct: m ? parseFloat(m[1].replace(/\./g, '').replace(',', '.')) : null,
      // A bar off screen must be inside a box the reader can scroll.
      reachable: box(bar).right <= vw + 1 || !!bar.closest('.table-wrap'),
    };
  });
  // Elements sticking out of the page's width outside a scrolling box.
  const sticking = [...document.body.querySelectorAll('*')]
    .filter((e) => box(e).right > vw + 1 && !e.closest('.table-wrap') && !e.closest('.skip'))
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''}`);
  return { scrollWidth: se.scrollWidth, clientWidth: vw, charts, bars, sticking };
}

for (const [site, { pages }] of Object.entries(SITES)) {
  describe(`${site} site`, () => {
    let server;
    const views = {};
    before(async () => {
      server = await buildAndServe(site);
      for (const w of WIDTHS) views[w] = await browser.newPage({ viewport: { width: w, height: 900 } });
    });
    after(async () => {
      for (const p of Object.values(views)) await p.close();
      await server?.close();
    });

    for (const w of WIDTHS) {
      for (const [kind, rel] of Object.entries(pages)) {
        test(`${kind} at ${w} px`, async () => {
          const page = views[w];
          const res = await page.goto(server.url + rel);
          assert.equal(res.status(), kind === '404' ? 404 : 200);
          const m = await page.evaluate(measure);
          assert.ok(
            m.scrollWidth <= m.clientWidth,
            `the page scrolls sideways: ${m.scrollWidth} px wide in ${m.clientWidth} px (${m.sticking.join(', ')})`,
          );
          for (const c of m.charts) {
            assert.equal(c.role, 'img', `chart ${c.cls} has role img`);
            assert.ok(c.name.length > 10, `chart ${c.cls} has an accessible name (got "${c.name}")`);
            assert.ok(c.left >= 0 && c.right <= m.clientWidth + 1, `chart ${c.cls} fits the screen: ${c.left}–${c.right}`);
            assert.ok(c.width >= Math.min(300, m.clientWidth - 40), `chart ${c.cls} is not squeezed: ${c.width} px`);
            assert.deepEqual(c.overlaps, [], `chart ${c.cls}: text over other text`);
            assert.deepEqual(c.outside, [], `chart ${c.cls}: text cut off at the edge`);
            if (c.texts) {
              assert.ok(c.minText >= MIN_CHART_TEXT_PX, `chart ${c.cls}: text ${c.minText.toFixed(1)} px is too small`);
            }
          }
          for (const b of m.bars) {
            assert.equal(b.role, 'img', `bar "${b.label}" has role img`);
            assert.ok(b.pct !== null, `bar label says its percentage: "${b.label}"`);
            assert.ok(b.width >= 40, `bar "${b.label}" is ${b.width} px wide`);
            assert.ok(Math.abs(b.ratio * 100 - b.pct) <= 1.5, `bar "${b.label}" is filled ${(b.ratio * 100).toFixed(1)}%`);
            assert.ok(b.reachable, `bar "${b.label}" is off screen`);
          }
          await page.screenshot({ path: path.join(shots, `${site}-${kind}-${w}.png`), fullPage: true });
        });
      }
    }
  });
}
