// Accessibility of every kind of page, as a screen reader or keyboard user
// meets it: axe-core (run inside the page) finds no serious or critical
// violation; the page is in Vietnamese; it has its landmarks; charts are
// named; and every stop of the Tab key shows where the focus is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { launch } from './lib.mjs';
import { SITES, buildAndServe } from './sites.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function describeViolations(vs) {
  return vs
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
          .join('\n'),
    )
    .join('\n');
}

for (const [site, { pages }] of Object.entries(SITES)) {
  describe(`${site} site`, () => {
    let server, page;
    before(async () => {
      server = await buildAndServe(site);
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    });
    after(async () => {
      await page?.close();
      await server?.close();
    });

    for (const [kind, rel] of Object.entries(pages)) {
      test(`${kind}: axe, language, landmarks, named charts`, async () => {
        await page.goto(server.url + rel);
        await page.addScriptTag({ content: AXE });
        const { violations } = await page.evaluate(() =>
          // eslint-disable-next-line no-undef
          axe.run(document, { resultTypes: ['violations'] }),
        );
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(bad.map((v) => v.id), [], describeViolations(bad));

        assert.equal(await page.getAttribute('html', 'lang'), 'vi');
        assert.equal(await page.getByRole('banner').count(), 1, 'one banner (site header)');
        assert.equal(await page.getByRole('main').count(), 1, 'one main');
        assert.equal(await page.getByRole('contentinfo').count(), 1, 'one contentinfo (site footer)');
        assert.equal(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count(), 1, 'the main navigation is named');
        // The skip link leads to the main landmark.
        const skip = await page.locator('a.skip').getAttribute('href');
        assert.equal(await page.getByRole('main').getAttribute('id'), skip.slice(1), 'the skip link targets main');

        // Charts are images with a name and a description.
        for (const svg of await page.locator('svg[role=img], main svg').all()) {
          const acc = await svg.evaluate((e) => {
            const text = (attr) =>
              (e.getAttribute(attr) || '')
                .split(/\s+/)
                .filter(Boolean)
                .map((id) => document.getElementById(id)?.textContent.trim() ?? '')
                .join(' ')
                .trim();
            return {
              role: e.getAttribute('role'),
              name: e.getAttribute('aria-label') || text('aria-labelledby') || e.querySelector(':scope > title')?.textContent.trim() || '',
              desc: text('aria-describedby') || e.querySelector(':scope > desc')?.textContent.trim() || '',
            };
          });
          assert.equal(acc.role, 'img');
          assert.ok(acc.name, 'a chart has an accessible name');
          assert.ok(acc.name.length + acc.desc.length > 20, `a chart says what it shows (got "${acc.name}" / "${acc.desc}")`);
        }
      });
    }
  });
}

test('every Tab stop shows a visible focus indicator', async () => {
  const server = await buildAndServe('reviewers');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    for (const rel of ['', '2022/1-2/', 'don-vi/an/']) {
      await page.goto(server.url + rel);
      const focusable = await page.locator('a[href], button, input, select, textarea, summary, [tabindex]').count();
      let stops = 0;
      for (let i = 0; i < Math.min(focusable, 60); i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const s = getComputedStyle(e);
          return {
            what: `${e.tagName.toLowerCase()} "${(e.textContent || '').trim().slice(0, 40)}"`,
            focusVisible: e.matches(':focus-visible'),
            outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
            shadow: s.boxShadow !== 'none',
            onScreen: (() => {
              const r = e.getBoundingClientRect();
              return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth;
            })(),
          };
        });
        if (!f) break;
        stops++;
        assert.ok(f.focusVisible, `${f.what} matches :focus-visible`);
        assert.ok(f.outline || f.shadow, `${f.what} on ${rel || 'home'} shows no focus outline`);
        assert.ok(f.onScreen, `${f.what} is focused but not visible on screen`);
      }
      assert.ok(stops >= 5, `tabbing reached ${stops} elements on ${rel || 'home'}`);
    }
  } finally {
    await page.close();
    await server.close();
  }
});
