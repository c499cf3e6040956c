// The sites the browser tests look at, one page of each kind, and small
// helpers those tests share (lib.mjs is the cross-issue contract; this file
// is only for the tests of issue 8).

import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, buildSite, serveStatic } from './lib.mjs';

/**
 * One page of every kind, per site. `repo` is the department's real site;
 * `reviewers` exercises evidence tables, tasks, warnings and two years of
 * charts; `fixture` has evidence files, sections and pages. Every site is
 * built with base_url …/cchc/ and served under /cchc/.
 */
export const SITES = {
  repo: {
    root: ROOT,
    pages: {
      home: '',
      assessment: '2022/',
      area: '2022/1/',
      node: '2022/1-1/',
      report: '2022/bao-cao/',
      print: '2022/in/',
      units: 'don-vi/',
      unit: 'don-vi/van-phong/',
      documents: 'van-ban/',
      section: 'tin-tuc/',
      page: 'tin-tuc/thong-bao-55-tb-skhcn-2023/',
      404: 'khong-co-trang-nay/',
    },
  },
  reviewers: {
    root: path.join(ROOT, 'tests/fixtures/reviewers'),
    pages: {
      home: '',
      assessment: '2022/',
      area: '2022/1/',
      node: '2022/1-2/',
      'node-nested': '2022/2-2/',
      report: '2022/bao-cao/',
      print: '2022/in/',
      units: 'don-vi/',
      unit: 'don-vi/an/',
      documents: 'van-ban/',
    },
  },
  fixture: {
    root: path.join(ROOT, 'tests/fixtures/site'),
    pages: {
      node: '2022/1-2/',
      section: 'hoi-dap/',
      page: 'hoi-dap/nop-ho-so/',
      'section-news': 'tin-tuc/',
      'page-news': 'tin-tuc/thong-bao-so-55/',
    },
  },
};

/** Builds `site` (a key of SITES) into a temp folder and serves it under /cchc/. */
export async function buildAndServe(site) {
  const out = mkdtempSync(path.join(os.tmpdir(), `kiemchung-${site}-`));
  buildSite(SITES[site].root, out);
  const server = await serveStatic(out, '/cchc/');
  return {
    out,
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/** Every .html file under `dir`, as absolute paths, sorted. */
export function htmlFiles(dir) {
  const found = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.html')) found.push(path.join(e.parentPath ?? e.path, e.name));
  }
  return found.sort();
}

/** Where screenshots go: <repo>/target/screenshots/ (created). */
export function screenshotDir() {
  const dir = path.join(ROOT, 'target', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const WIDTHS = [375, 1280];
