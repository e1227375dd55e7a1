import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HitTable } from '../../src/stages/test-stage/hit-table.js';
import { LineHits } from '../../src/stages/test-stage/line-hits.js';
import type { CoverageSet, FileCoverage } from '../../src/stages/test-stage/model.js';
import { normalizeCoverage } from '../../src/stages/test-stage/paths/normalize.js';
import { normalizeSeparators, parsePathMap, PathResolver } from '../../src/stages/test-stage/paths/resolve.js';

const files = [
  'src/app.ts',
  'src/util/strings.ts',
  'packages/api/src/server.ts',
  'packages/api/src/index.ts',
  'packages/web/src/index.ts',
  'svc/pkg/handler.go',
  'python/shop/cart.py',
];

function resolver(extra: Partial<ConstructorParameters<typeof PathResolver>[0]> = {}): PathResolver {
  return new PathResolver({ root: '/repo', cwd: '/repo', files, exists: () => false, ...extra });
}

describe('PathResolver', () => {
  it.each([
    ['src/app.ts', 'src/app.ts', 'exact'],
    ['./src/app.ts', 'src/app.ts', 'exact'],
    ['/repo/src/app.ts', 'src/app.ts', 'exact'],
    ['/home/runner/work/shop/shop/src/app.ts', 'src/app.ts', 'exact'],
    ['/__w/shop/shop/src/util/strings.ts', 'src/util/strings.ts', 'exact'],
    ['/app/src/app.ts', 'src/app.ts', 'exact'],
    ['/github/workspace/packages/api/src/server.ts', 'packages/api/src/server.ts', 'exact'],
    ['D:\\a\\shop\\shop\\src\\util\\strings.ts', 'src/util/strings.ts', 'exact'],
    ['src\\util\\strings.ts', 'src/util/strings.ts', 'exact'],
    ['file:///repo/src/app.ts', 'src/app.ts', 'exact'],
    // Unknown container root: found by the longest suffix.
    ['/opt/build/xyz/packages/api/src/server.ts', 'packages/api/src/server.ts', 'suffix'],
    ['/var/lib/ci/checkout/shop/cart.py', 'python/shop/cart.py', 'suffix'],
  ])('%s → %s', (raw, expected, how) => {
    expect(resolver().resolve(raw)).toEqual({ path: expected, matched: true, how });
  });

  it('prefers the longest suffix, and refuses to guess between equal ones', () => {
    // index.ts exists in api and web: `api/src/index.ts` has 3 matching segments only in one of them.
    expect(resolver().resolve('/x/api/src/index.ts')).toMatchObject({
      path: 'packages/api/src/index.ts',
      matched: true,
    });
    expect(resolver().resolve('/elsewhere/src/index.ts')).toMatchObject({ matched: false, reason: 'ambiguous' });
  });

  it('never takes a relative path for a different file with the same name', () => {
    // src/util/strings.ts exists, but src/other/strings.ts is another file (say, git-ignored).
    expect(resolver({ exists: () => false }).resolve('src/other/strings.ts')).toMatchObject({
      matched: false,
      reason: 'not-found',
    });
    // A relative path from another root matches whole.
    expect(resolver().resolve('api/src/server.ts')).toMatchObject({
      path: 'packages/api/src/server.ts',
      matched: true,
      how: 'suffix',
    });
  });

  it('finds files git does not list (ignored or generated sources) on disk', () => {
    const r = resolver({ exists: (p) => p === 'gen/coverage/model.ts' });
    expect(r.resolve('/home/runner/work/shop/shop/gen/coverage/model.ts')).toEqual({
      path: 'gen/coverage/model.ts',
      matched: true,
      how: 'exact',
    });
  });

  it('finds unlisted files on the real disk, also after other files were looked for in missing directories', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'shipkit-resolve-'));
    mkdirSync(path.join(root, 'build/gen'), { recursive: true });
    writeFileSync(path.join(root, 'build/gen/model.ts'), '');
    const r = new PathResolver({ root, cwd: root, files: ['src/app.ts'] });
    // Thousands of files of directories this checkout does not have (a report from elsewhere)…
    for (let i = 0; i < 2000; i++) expect(r.resolve(`tests/integration/test_${i}.py`).matched).toBe(false);
    expect(r.resolve('build/gen/other.ts')).toMatchObject({ matched: false, reason: 'not-found' });
    // …and a file that is there though git does not list it, in a directory seen before or not.
    expect(r.resolve('build/gen/model.ts')).toEqual({ path: 'build/gen/model.ts', matched: true, how: 'exact' });
    writeFileSync(path.join(root, 'build/gen/late.ts'), '');
    expect(r.resolve('build/gen/late.ts')).toEqual({ path: 'build/gen/late.ts', matched: true, how: 'exact' });
    expect(r.resolve('/home/runner/work/x/x/build/gen/model.ts').path).toBe('build/gen/model.ts');
    rmSync(root, { recursive: true, force: true });
  });

  it('resolves relative paths against the working directory first', () => {
    const r = resolver({ cwd: '/repo/packages/api' });
    expect(r.resolve('src/server.ts')).toEqual({ path: 'packages/api/src/server.ts', matched: true, how: 'exact' });
    // Ambiguous by suffix, but the working directory decides.
    expect(r.resolve('/tmp/other/src/index.ts')).toMatchObject({ path: 'packages/api/src/index.ts', matched: true });
  });

  it('joins cobertura source roots (absolute, from a container) with relative file names', () => {
    const r = resolver({ sourceRoots: ['/app/python'] });
    expect(r.resolve('shop/cart.py')).toEqual({ path: 'python/shop/cart.py', matched: true, how: 'exact' });
    const rel = resolver({ sourceRoots: ['python'] });
    expect(rel.resolve('shop/cart.py')).toEqual({ path: 'python/shop/cart.py', matched: true, how: 'exact' });
  });

  it('maps Go import paths through go.mod module paths', () => {
    const r = resolver({ goModules: [{ module: 'example.com/shop/svc', dir: 'svc' }] });
    expect(r.resolve('example.com/shop/svc/pkg/handler.go')).toEqual({
      path: 'svc/pkg/handler.go',
      matched: true,
      how: 'exact',
    });
  });

  it('applies path-map prefix rewrites first, longest prefix winning', () => {
    const { entries } = parsePathMap(['/build/out=src', '/build/out/util=src/util', '# comment', '']);
    const r = resolver({ pathMap: entries });
    expect(r.resolve('/build/out/app.ts')).toEqual({ path: 'src/app.ts', matched: true, how: 'exact' });
    expect(r.resolve('/build/out/util/strings.ts')).toEqual({
      path: 'src/util/strings.ts',
      matched: true,
      how: 'exact',
    });
  });

  it('reports what matches no repository file, with the best guess', () => {
    expect(resolver().resolve('/home/runner/work/shop/shop/gen/proto.ts')).toEqual({
      path: 'gen/proto.ts',
      matched: false,
      reason: 'not-found',
    });
    expect(resolver().resolve('/usr/lib/node/whatever.js')).toMatchObject({ matched: false, reason: 'not-found' });
  });

  it('rejects path-map lines without =', () => {
    expect(parsePathMap(['a=b', 'nonsense']).bad).toBe(1);
  });

  it('normalizes separators and dot segments', () => {
    expect(normalizeSeparators('C:\\a\\b\\..\\c.ts')).toBe('C:/a/c.ts');
    expect(normalizeSeparators('./x//y/./z.ts')).toBe('x/y/z.ts');
  });
});

function file(p: string, lines: [number, number][]): FileCoverage {
  return {
    path: p,
    lines: LineHits.from(lines),
    branches: new HitTable(),
    branchesCounted: false,
    functions: new HitTable(),
    statements: new HitTable(),
  };
}

describe('normalizeCoverage', () => {
  it('renames files to repository paths, merges duplicates and lists the unmatched', () => {
    const set: CoverageSet = {
      files: new Map([
        [
          '/__w/shop/shop/src/app.ts',
          file('/__w/shop/shop/src/app.ts', [
            [1, 1],
            [2, 0],
          ]),
        ],
        [
          'src/app.ts',
          file('src/app.ts', [
            [2, 3],
            [3, 0],
          ]),
        ],
        ['/tmp/gen/nowhere.ts', file('/tmp/gen/nowhere.ts', [[1, 1]])],
      ]),
      measured: { lines: true, branches: false, functions: false, statements: false },
      summaryOnly: new Map(),
      sources: [],
    };
    const { set: out, unmatched } = normalizeCoverage(set, resolver());
    expect([...out.files.keys()].sort()).toEqual(['/tmp/gen/nowhere.ts', 'src/app.ts']);
    expect([...(out.files.get('src/app.ts')?.lines ?? [])]).toEqual([
      [1, 1],
      [2, 3],
      [3, 0],
    ]);
    expect(unmatched).toEqual([{ reported: '/tmp/gen/nowhere.ts', guess: '/tmp/gen/nowhere.ts', reason: 'not-found' }]);
  });
});
