// Every coverage report of the supported formats in ../shared/fixtures (real files from public
// projects). Expected numbers are computed here from the file text with regexes, never by our parser.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, it } from 'vitest';

import { describeWithSharedFixtures, SHARED_FIXTURES } from '../../support/shared-fixtures.js';

import { UserError } from '../../../src/core/errors.js';
import { readCoverage, totals } from '../../../src/stages/test-stage/coverage/index.js';

const dir = path.join(SHARED_FIXTURES, 'coverage/coveralls');
const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const counter = (covered: number, total: number) => expect.objectContaining({ covered, total });
const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

async function parse(rel: string) {
  const set = await readCoverage([rel], { cwd: dir });
  return { set, t: totals(set) };
}

async function userError(rel: string): Promise<UserError> {
  const error: unknown = await readCoverage([rel], { cwd: dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describeWithSharedFixtures('lcov', () => {
  for (const rel of [
    'lcov/test.lcov',
    'lcov/coverage/test.lcov',
    'lcov/for-base-path.lcov',
    'lcov/test-current-folder.lcov',
  ]) {
    it(rel, async () => {
      // Independent count: split into records, key lines/functions/branches by file.
      const lines = new Map<string, number>();
      const fns = new Map<string, number>();
      const branches = new Map<string, number>();
      for (const record of read(rel).split('end_of_record')) {
        const sf = /^SF:(.*)$/m.exec(record)?.[1];
        if (!sf) continue;
        for (const [, l, h] of record.matchAll(/^DA:(\d+),(\d+)/gm))
          lines.set(`${sf}:${l}`, (lines.get(`${sf}:${l}`) ?? 0) + Number(h));
        // Functions as FNF counts them: each FN line is one (two of one name are two); FNDA lines
        // give hits to the FN lines of their name in turn.
        const byName = new Map<string, string[]>();
        const onLine = new Map<string, number>();
        for (const [, l, name] of record.matchAll(/^FN:(\d+),(.*)$/gm)) {
          const k = onLine.get(l) ?? 0;
          onLine.set(l, k + 1);
          const key = `${sf}:${l}:${k}`;
          fns.set(key, fns.get(key) ?? 0);
          byName.set(name, [...(byName.get(name) ?? []), key]);
        }
        for (const [, h, name] of record.matchAll(/^FNDA:(\d+),(.*)$/gm)) {
          const key = byName.get(name)?.shift() ?? `${sf}:fn:${name}`;
          fns.set(key, (fns.get(key) ?? 0) + Number(h));
        }
        for (const [, key, h] of record.matchAll(/^BRDA:(\d+,\d+,\d+),(\d+|-)$/gm)) {
          branches.set(`${sf}:${key}`, (branches.get(`${sf}:${key}`) ?? 0) + (h === '-' ? 0 : Number(h)));
        }
      }
      const count = (m: Map<string, number>) => counter([...m.values()].filter((h) => h > 0).length, m.size);
      const { t } = await parse(rel);
      expect(t.lines).toEqual(count(lines));
      expect(t.functions).toEqual(count(fns));
      expect(t.branches).toEqual(count(branches));
      expect(t.statements).toBeNull();
    });
  }

  it('lcov/empty.lcov: no coverage data', async () => {
    expect((await userError('lcov/empty.lcov')).message).toBe('no coverage data found in lcov/empty.lcov');
    const set = await readCoverage(['lcov/empty.lcov'], { cwd: dir, allowEmpty: true });
    expect(set.files.size).toBe(0);
    expect(totals(set).lines).toBeNull();
  });
});

describeWithSharedFixtures('cobertura', () => {
  it('cobertura-conditions.xml (coverage.py) equals its root counters', async () => {
    const root = attrs(/<coverage [^>]*>/.exec(read('cobertura/cobertura-conditions.xml'))![0]);
    const { t } = await parse('cobertura/cobertura-conditions.xml');
    expect(t.lines).toEqual(counter(Number(root['lines-covered']), Number(root['lines-valid'])));
    expect(t.branches).toEqual(counter(Number(root['branches-covered']), Number(root['branches-valid'])));
  });

  for (const rel of ['cobertura/cobertura-empty-lines.xml', 'cobertura/cobertura-zero-only.xml']) {
    it(`${rel}: one file, no executable line (lines-valid="0")`, async () => {
      const root = attrs(/<coverage [^>]*>/.exec(read(rel))![0]);
      expect(root['lines-valid']).toBe('0');
      const { set, t } = await parse(rel);
      expect([...set.files.keys()]).toEqual([/filename="([^"]+)"/.exec(read(rel))![1]]);
      expect(t.lines).toEqual(counter(0, 0));
    });
  }

  it('cobertura-coverage.xml (a lone newline): no coverage data', async () => {
    expect((await userError('cobertura/cobertura-coverage.xml')).message).toMatch(/^no coverage data found in /);
  });

  // scoverage wrote `</methods></lines>` for empty classes without opening them: not XML. The error
  // must name the line of the first stray close tag, found here by a tag-balance scan of the text.
  for (const rel of ['cobertura/cobertura.xml', 'cobertura/cobertura-oneline.xml']) {
    it(`${rel}: malformed XML is a UserError at the stray close tag`, async () => {
      const body = read(rel);
      const stack: string[] = [];
      let strayLine = 0;
      for (const m of body.matchAll(/<(\/?)([\w-]+)[^>]*?(\/?)>/g)) {
        if (m[3]) continue;
        if (!m[1]) stack.push(m[2]);
        else if (stack.pop() !== m[2]) {
          strayLine = body.slice(0, m.index).split('\n').length;
          break;
        }
      }
      expect(strayLine).toBeGreaterThan(0);
      const error = await userError(rel);
      expect(error.location).toMatchObject({ file: rel, line: strayLine });
      expect(error.describe()).toContain(`${rel}:${strayLine}: malformed XML`);
    });
  }
});

describeWithSharedFixtures('clover', () => {
  // Both files are excerpts (their <metrics> count lines that were cut), so lines and branches come
  // from the <line> elements themselves; statements (and functions where no method is listed) are
  // each file's own <metrics statements coveredstatements methods coveredmethods>, the writer's count.
  for (const rel of ['clover/clover-phpcsutils.xml', 'clover/clover-unleash.xml']) {
    it(`${rel} equals a count of its <line> elements and its files' <metrics>`, async () => {
      const body = read(rel);
      const istanbul = /<project [^>]*name="All files"/.test(body);
      const lines = { covered: 0, total: 0 };
      const branches = { covered: 0, total: 0 };
      const methods = { covered: 0, total: 0 };
      for (const [tag] of body.matchAll(/<line [^>]*>/g)) {
        const a = attrs(tag);
        const count = Number(a.count ?? 0);
        if (a.type === 'method') {
          methods.total++;
          if (count > 0) methods.covered++;
          continue;
        }
        lines.total++;
        if (count > 0) lines.covered++;
        if (a.type === 'cond') {
          const t = Number(a.truecount);
          const f = Number(a.falsecount);
          branches.total += istanbul ? t + f : 2;
          branches.covered += istanbul ? t : (t > 0 ? 1 : 0) + (f > 0 ? 1 : 0);
        }
      }
      const statements = { covered: 0, total: 0 };
      const fileMethods = { covered: 0, total: 0 };
      // A file's own <metrics> is its direct child (PHPUnit writes it after the lines, istanbul first;
      // <class> elements have metrics of their own, one level deeper).
      for (const [file] of body.matchAll(/<file [\s\S]*?<\/file>/g)) {
        const own = file.replace(/<class[\s\S]*?<\/class>|<class [^>]*\/>/g, '');
        const m = attrs(/<metrics [^>]*>/.exec(own)![0]);
        statements.total += Number(m.statements ?? 0);
        statements.covered += Number(m.coveredstatements ?? 0);
        fileMethods.total += Number(m.methods ?? 0);
        fileMethods.covered += Number(m.coveredmethods ?? 0);
      }
      const { t } = await parse(rel);
      expect(t.lines).toEqual(counter(lines.covered, lines.total));
      expect(t.statements).toEqual(counter(statements.covered, statements.total));
      if (branches.total > 0) expect(t.branches).toEqual(counter(branches.covered, branches.total));
      else expect(t.branches).toBeNull();
      if (methods.total > 0) expect(t.functions).toEqual(counter(methods.covered, methods.total));
      else if (fileMethods.total > 0) expect(t.functions).toEqual(counter(fileMethods.covered, fileMethods.total));
      else expect(t.functions).toBeNull();
    });
  }

  it('clover/clover.xml (0 bytes): no coverage data', async () => {
    expect((await userError('clover/clover.xml')).message).toBe('no coverage data found in clover/clover.xml');
  });
});

describeWithSharedFixtures('jacoco', () => {
  for (const rel of [
    'jacoco/jacoco-report.xml',
    'jacoco/jacoco-oneline-report.xml',
    'jacoco/jacoco-report-multiple-packages.xml',
  ]) {
    it(`${rel} equals the sum of its sourcefiles' LINE/BRANCH/METHOD counters`, async () => {
      // Sum of each <sourcefile>'s own counters (the multi-package fixture's report-level counters
      // were copied from one package, so they cannot serve).
      const of = (type: string) => {
        let covered = 0;
        let missed = 0;
        for (const [block] of read(rel).matchAll(/<sourcefile [\s\S]*?<\/sourcefile>/g)) {
          const m = new RegExp(`<counter type="${type}"[^>]*>`).exec(block);
          if (!m) continue;
          covered += Number(attrs(m[0]).covered);
          missed += Number(attrs(m[0]).missed);
        }
        return counter(covered, covered + missed);
      };
      const { t } = await parse(rel);
      expect(t.lines).toEqual(of('LINE'));
      expect(t.branches).toEqual(of('BRANCH'));
      expect(t.functions).toEqual(of('METHOD'));
    });
  }
});

describeWithSharedFixtures('go', () => {
  for (const rel of [
    'golang/coverage.out',
    'golang/coverage-dashes.out',
    'golang/coverage-one-slash.out',
    'golang/coverage-two-slashes.out',
  ]) {
    it(`${rel}: statements as go tool cover counts them`, async () => {
      const [modeLine, ...rest] = read(rel).trim().split('\n');
      const set = modeLine === 'mode: set';
      const blocks = new Map<string, [number, number]>();
      for (const row of rest) {
        const [where, stmts, count] = row.split(' ');
        const prev = blocks.get(where);
        const c = Number(count);
        blocks.set(where, [Number(stmts), prev ? (set ? prev[1] | c : prev[1] + c) : c]);
      }
      let total = 0;
      let covered = 0;
      for (const [stmts, count] of blocks.values()) {
        total += stmts;
        if (count > 0) covered += stmts;
      }
      const { t } = await parse(rel);
      expect(t.statements).toEqual(counter(covered, total));
    });
  }
});

describeWithSharedFixtures('formats shipkit does not read', () => {
  for (const rel of [
    'coveralls/coveralls.json',
    'gcov/main.c.gcov',
    'simplecov/.resultset.json',
    'luacov/single-file/luacov.report.out',
  ]) {
    it(`${rel}: a UserError naming the file, not a guess`, async () => {
      const error = await userError(rel);
      expect(error.message).toContain(`cannot tell the coverage format of ${rel}`);
      expect(error.location.file).toBe(rel);
    });
  }
});
