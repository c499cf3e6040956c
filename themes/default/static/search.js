// Site search, offline: results as you type, from the index the build
// writes (tim-kiem/chi-muc.json, see src/search.rs). No framework and no
// request to any other host. Without JavaScript the header keeps its plain
// link to the page that lists everything (tim-kiem/).
//
// Folding is the same as kiemchung's (src/vi.rs `fold`), checked against one
// shared table (tests/fixtures/search/fold.json): canonical decomposition,
// combining marks dropped (tone and vowel marks), đ/Đ → d, lower case.
// Ranking (tests/browser/search-rank.test.mjs): when the query has tone
// marks, entries containing its words exactly as typed come first
// (`đường` before `dương`); then matches in numbers and titles before matches
// in the text; then the latest year.

const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff]/gu;

/** Folds text for matching: `Cải Cách` → `cai cach`, `3859/QĐ-UBND` → `3859/qd-ubnd`. */
export function fold(text) {
  // Σ lowered alone (as Rust's char-by-char lowering does), not as a final ς.
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[đĐ]/gu, 'd')
    .replace(/Σ/gu, 'σ')
    .toLowerCase();
}

/**
 * `fold(text)` and, for each UTF-16 unit of it, the index in `text` it came
 * from (one more entry for the end), to mark matches in the original text.
 */
export function foldWithMap(text) {
  let folded = '';
  const map = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(i);
  return { folded, map };
}

export const KIND_LABELS = {
  assessment: 'Kỳ đánh giá',
  node: 'Tiêu chí',
  document: 'Văn bản',
  unit: 'Đơn vị',
  page: 'Trang',
};

/** The index as loaded (`{v: 1, items: [[kind, label, number, title, year, url, text], …]}`) → entries. */
export function entries(index) {
  if (!index || index.v !== 1 || !Array.isArray(index.items)) {
    throw new Error('chỉ mục tìm kiếm không đúng dạng');
  }
  return index.items.map(([kind, label, number, title, year, url, text], order) => ({
    kind,
    label: label || KIND_LABELS[kind] || KIND_LABELS.page,
    number: number || '',
    title,
    year,
    url,
    text: text || '',
    order,
  }));
}

/** A query as typed → folded words, exact (lower-case) words, and whether it has marks. */
export function parseQuery(query) {
  const exact = query.normalize('NFC').toLowerCase().trim().split(/\s+/u).filter(Boolean);
  const words = exact.map(fold);
  return {
    words,
    exact,
    phrase: words.join(' '),
    marked: exact.some((w, i) => w !== words[i]),
  };
}

const WORD = /[\p{L}\p{N}]/u;

/** How well `word` occurs in `hay`: 3 whole word, 2 word start, 1 inside a word, 0 not at all. */
function occurrence(hay, word) {
  let best = 0;
  let from = 0;
  for (;;) {
    const at = hay.indexOf(word, from);
    if (at < 0) return best;
    const start = at === 0 || !WORD.test(hay[at - 1]) || !WORD.test(word[0]);
    const end = at + word.length;
    const whole = start && (end === hay.length || !WORD.test(hay[end]) || !WORD.test(word[word.length - 1]));
    best = Math.max(best, whole ? 3 : start ? 2 : 1);
    if (best === 3) return best;
    from = at + 1;
  }
}

function prepared(e) {
  if (!e.keys) {
    const head = e.number ? `${e.number} ${e.title}` : e.title;
    e.keys = { head: fold(head), text: fold(e.text), number: fold(e.number) };
  }
  return e.keys;
}

function exactKeys(e) {
  if (!e.exactKeys) {
    const head = e.number ? `${e.number} ${e.title}` : e.title;
    e.exactKeys = {
      head: head.normalize('NFC').toLowerCase(),
      text: e.text.normalize('NFC').toLowerCase(),
    };
  }
  return e.exactKeys;
}

/**
 * Scores one entry against a parsed query, or returns null when some word
 * of the query is found neither in its number and title nor in its text.
 * `exact` counts the words found as typed (tone marks included): 2 in the
 * title, 1 in the text; it decides first when the query has marks.
 */
export function score(e, q) {
  const k = prepared(e);
  let points = 0;
  for (const w of q.words) {
    const inHead = occurrence(k.head, w);
    if (inHead) {
      points += [0, 4, 10, 13][inHead];
      continue;
    }
    const inText = occurrence(k.text, w);
    if (!inText) return null;
    points += [0, 1, 2, 3][inText];
  }
  if (q.words.length > 1) {
    if (k.head.includes(q.phrase)) points += 15;
    else if (k.text.includes(q.phrase)) points += 5;
  }
  if (k.head.startsWith(q.phrase)) points += 5;
  if (k.number && k.number === q.phrase) points += 30;
  else if (k.number && k.number.startsWith(q.phrase)) points += 10;
  let exact = 0;
  if (q.marked) {
    const x = exactKeys(e);
    for (const w of q.exact) {
      if (x.head.includes(w)) exact += 2;
      else if (x.text.includes(w)) exact += 1;
    }
  }
  return { exact, points };
}

/** Every entry that matches `query`, best first. */
export function search(list, query) {
  const q = parseQuery(query);
  if (!q.words.length) return [];
  const found = [];
  for (const e of list) {
    const s = score(e, q);
    if (s) found.push({ entry: e, ...s });
  }
  found.sort(
    (a, b) =>
      b.exact - a.exact ||
      b.points - a.points ||
      (b.entry.year || 0) - (a.entry.year || 0) ||
      a.entry.title.length - b.entry.title.length ||
      a.entry.order - b.entry.order,
  );
  return found;
}

/**
 * `text` cut to about `size` characters around the first match of a query
 * word, as parts `{text, mark}`: the matches are marked.
 */
export function highlight(text, query, size = 0) {
  const q = typeof query === 'string' ? parseQuery(query) : query;
  const { folded, map } = foldWithMap(text);
  // Matched ranges in the folded text, longest words first, without overlap.
  const ranges = [];
  const words = [...new Set(q.words)].sort((a, b) => b.length - a.length);
  for (const w of words) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(w, from);
      if (at < 0) break;
      const end = at + w.length;
      if (!ranges.some(([s, t]) => at < t && end > s)) ranges.push([at, end]);
      from = end;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let start = 0;
  let stop = text.length;
  if (size && text.length > size) {
    const first = ranges.length ? map[ranges[0][0]] : 0;
    start = Math.max(0, first - Math.floor(size / 3));
    if (start > 0) {
      const space = text.indexOf(' ', start);
      start = space >= 0 && space < first ? space + 1 : start;
    }
    stop = Math.min(text.length, start + size);
    if (stop < text.length) {
      const space = text.lastIndexOf(' ', stop);
      if (space > start && space > first) stop = space;
    }
  }
  const parts = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let at = start;
  for (const [s, t] of ranges) {
    const os = map[s];
    const ot = map[t];
    if (os < start || ot > stop) continue;
    if (os > at) parts.push({ text: text.slice(at, os), mark: false });
    parts.push({ text: text.slice(os, ot), mark: true });
    at = ot;
  }
  if (at < stop) parts.push({ text: text.slice(at, stop), mark: false });
  if (stop < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

// ---------------------------------------------------------------------------
// The search box. Runs only in a browser.

const SHOWN = 10;

function vnInt(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function fill(el, parts) {
  for (const p of parts) {
    if (p.mark) {
      const m = document.createElement('mark');
      m.textContent = p.text;
      el.append(m);
    } else {
      el.append(p.text);
    }
  }
}

function setup(box) {
  const indexUrl = box.dataset.searchIndex;
  const listUrl = box.querySelector('a')?.getAttribute('href') || '';
  let list = null;
  let loading = null;
  const load = () => {
    loading ||= fetch(indexUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json();
      })
      .then((index) => {
        list = entries(index);
        return list;
      });
    return loading;
  };

  const form = document.createElement('form');
  form.className = 'search-form';
  form.setAttribute('role', 'search');
  form.action = listUrl;
  const label = document.createElement('label');
  label.htmlFor = 'tim-kiem-o';
  label.textContent = 'Tìm kiếm';
  const input = document.createElement('input');
  input.id = 'tim-kiem-o';
  input.type = 'search';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = 'Tiêu chí, số văn bản, đơn vị…';
  input.setAttribute('aria-describedby', 'tim-kiem-trang-thai');
  const status = document.createElement('p');
  status.id = 'tim-kiem-trang-thai';
  status.className = 'search-status';
  status.setAttribute('aria-live', 'polite');
  // A plain list of links (not a listbox): each result stays a real link,
  // and the arrow keys move the focus through them.
  const results = document.createElement('ul');
  results.id = 'tim-kiem-ket-qua';
  results.className = 'search-results';
  results.setAttribute('aria-label', 'Kết quả tìm kiếm');
  results.hidden = true;
  form.append(label, input, status, results);
  box.replaceChildren(form);

  let shown = [];
  const links = () => [...results.querySelectorAll('a')];
  const open = () => {
    results.hidden = !shown.length;
  };
  const close = () => {
    results.hidden = true;
  };
  const render = (query) => {
    results.replaceChildren();
    shown = [];
    if (!query.trim()) {
      status.textContent = '';
      close();
      return;
    }
    const found = search(list, query);
    const q = parseQuery(query);
    shown = found.slice(0, SHOWN).map((f) => f.entry);
    for (const e of shown) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = e.url;
      const title = document.createElement('span');
      title.className = 'search-title';
      fill(title, highlight(e.number ? `${e.number} ${e.title}` : e.title, q));
      const meta = document.createElement('span');
      meta.className = 'search-meta';
      meta.textContent = e.year ? `${e.label} · ${e.year}` : e.label;
      a.append(title, meta);
      if (e.text) {
        const snippet = document.createElement('span');
        snippet.className = 'search-snippet';
        fill(snippet, highlight(e.text, q, 160));
        a.append(snippet);
      }
      li.append(a);
      results.append(li);
    }
    if (found.length) {
      status.textContent =
        found.length > SHOWN
          ? `${vnInt(found.length)} kết quả, hiện ${SHOWN} kết quả đầu`
          : `${vnInt(found.length)} kết quả`;
    } else {
      status.textContent = `Không có kết quả cho “${query.trim()}”`;
    }
    open();
  };
  const update = () => {
    const query = input.value;
    if (list) {
      render(query);
      return;
    }
    status.textContent = 'Đang tải chỉ mục…';
    load().then(
      () => {
        if (input.value === query) render(query);
      },
      () => {
        status.textContent = 'Không tải được chỉ mục tìm kiếm; xem danh sách đầy đủ ở trang Tìm kiếm.';
      },
    );
  };
  input.addEventListener('focus', () => {
    load().catch(() => {});
    if (input.value.trim()) open();
  });
  input.addEventListener('input', update);
  form.addEventListener('keydown', (ev) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!all.length) return;
      ev.preventDefault();
      open();
      if (ev.key === 'ArrowDown') all[Math.min(at + 1, all.length - 1)].focus();
      else if (at > 0) all[at - 1].focus();
      else input.focus();
    } else if (ev.key === 'Escape') {
      // First Escape closes the list and keeps the query (Chromium would
      // clear a search field); the next one clears it.
      if (!results.hidden) {
        ev.preventDefault();
        close();
        input.focus();
      }
    }
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (shown[0]) window.location.href = shown[0].url;
    else if (listUrl) window.location.href = listUrl;
  });
  // The list closes when the focus leaves the search box and its results.
  form.addEventListener('focusout', (ev) => {
    if (!form.contains(ev.relatedTarget)) close();
  });
}

if (typeof document !== 'undefined') {
  for (const box of document.querySelectorAll('[data-search-index]')) {
    setup(box);
  }
}
