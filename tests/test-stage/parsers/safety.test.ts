// Hostile and broken inputs: nothing fetched, nothing expanded, bounded time and memory, and always
// a UserError naming the file and the line, never a crash.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { UserError } from '../../../src/core/errors.js';
import { readCoverage } from '../../../src/stages/test-stage/coverage/index.js';
import { readTestResults } from '../../../src/stages/test-stage/results/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = 'TOP-SECRET-CONTENT-4711';
writeFileSync(path.join(dir, 'secret.txt'), SECRET);

function file(name: string, body: string): string {
  writeFileSync(path.join(dir, name), body);
  return name;
}

async function failure(run: Promise<unknown>): Promise<UserError> {
  const error: unknown = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const laughs = (root: string, inner: string) => `<?xml version="1.0"?>
<!DOCTYPE ${root} [
 <!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}
]>
${inner}`;

describe('entities', () => {
  it('billion laughs (cobertura): not expanded, a UserError at once', async () => {
    const name = file(
      'laughs.xml',
      laughs(
        'coverage',
        '<coverage><packages><package><classes><class filename="&lol9;"/></classes></package></packages></coverage>',
      ),
    );
    const before = process.memoryUsage().rss;
    // Expanded, the reference would be 10^9 characters: the memory bound is what shows it was not.
    const error = await failure(readCoverage([name], { cwd: dir }));
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    expect(error.message).toMatch(/undefined entity/);
    expect(error.location).toMatchObject({ file: name, line: 14 }); // the line of the reference, after the 13-line prolog
  });

  it('billion laughs (JUnit)', async () => {
    const name = file('laughs-junit.xml', laughs('testsuite', '<testsuite><testcase name="&lol9;"/></testsuite>'));
    const error = await failure(readTestResults([name], { cwd: dir }));
    expect(error.message).toMatch(/undefined entity/);
  });

  it('external SYSTEM entity to a local file: never read, never in the output', async () => {
    const secret = path.join(dir, 'secret.txt');
    const doctype = `<!DOCTYPE r [ <!ENTITY xxe SYSTEM "file://${secret}"> ]>`;
    const junit = file(
      'xxe.xml',
      `<?xml version="1.0"?>\n${doctype}\n<testsuite><testcase name="x"><failure message="&xxe;">&xxe;</failure></testcase></testsuite>`,
    );
    const error = await failure(readTestResults([junit], { cwd: dir }));
    expect(JSON.stringify({ m: error.message, l: error.location })).not.toContain(SECRET);
    const cob = file(
      'xxe-cob.xml',
      `<?xml version="1.0"?>\n${doctype}\n<coverage><sources><source>&xxe;</source></sources></coverage>`,
    );
    const error2 = await failure(readCoverage([cob], { cwd: dir }));
    expect(error2.message).not.toContain(SECRET);
  });

  it('a DOCTYPE naming an external DTD is fine and is not fetched (cobertura, JaCoCo write one)', async () => {
    const name = file(
      'dtd.xml',
      `<?xml version="1.0"?>\n<!DOCTYPE coverage SYSTEM "http://127.0.0.1:1/never-fetched.dtd">\n<coverage><packages><package><classes><class filename="a.py"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>`,
    );
    const set = await readCoverage([name], { cwd: dir });
    expect(set.files.get('a.py')?.lines.get(1)).toBe(1);
  });
});

describe('truncated, malformed, empty, missing', () => {
  const cobertura =
    '<?xml version="1.0"?>\n<coverage>\n<packages>\n<package>\n<classes>\n<class filename="a.py">\n<lines>\n<line number="1" hits="1"/>\n<line number="2" hits="0"/>\n</lines>\n</class>\n</classes>\n</package>\n</packages>\n</coverage>\n';

  it('truncated XML: UserError at the last line', async () => {
    const cut = cobertura.slice(0, cobertura.indexOf('<line number="2"'));
    const error = await failure(readCoverage([file('cut.xml', cut)], { cwd: dir }));
    expect(error.location).toMatchObject({ file: 'cut.xml', line: cut.split('\n').length });
    expect(error.describe()).toMatch(/^cut\.xml:\d+: malformed XML: unclosed tag/);
  });

  it('a bad attribute value names its line', async () => {
    const bad = cobertura.replace('number="2"', 'number="two"');
    const error = await failure(readCoverage([file('bad.xml', bad)], { cwd: dir }));
    expect(error.location).toMatchObject({ file: 'bad.xml', line: 9 });
    expect(error.message).toMatch(/number="two" is not a number/);
  });

  it('lcov: a DA line that is not a number names the line', async () => {
    const error = await failure(
      readCoverage([file('bad.lcov', 'TN:\nSF:a.c\nDA:1,1\nDA:x,1\nend_of_record\n')], { cwd: dir }),
    );
    expect(error.location).toMatchObject({ file: 'bad.lcov', line: 4 });
  });

  it('lcov: a record before any SF names the line', async () => {
    const error = await failure(readCoverage([file('nosf.lcov', 'TN:\nDA:1,1\n')], { cwd: dir, format: 'lcov' }));
    expect(error.location.line).toBe(2);
  });

  it('go: a line that is not a block names the line; inconsistent NumStmt too', async () => {
    const e1 = await failure(readCoverage([file('bad.out', 'mode: set\na.go:1.1,2.2 1 1\nnonsense\n')], { cwd: dir }));
    expect(e1.location).toMatchObject({ file: 'bad.out', line: 3 });
    const e2 = await failure(
      readCoverage([file('num.out', 'mode: set\na.go:1.1,2.2 1 1\na.go:1.1,2.2 2 1\n')], { cwd: dir }),
    );
    expect(e2.message).toMatch(/inconsistent NumStmt/);
  });

  it('go: absurd block spans are refused quickly instead of walked', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `a.go:${i * 7 + 1}.1,${i * 7 + 900_000}.2 1 1`);
    // Walked, these spans are 1.8 billion lines: the test would not end within its timeout.
    const error = await failure(readCoverage([file('huge.out', `mode: set\n${rows.join('\n')}\n`)], { cwd: dir }));
    expect(error.message).toMatch(/implausible/);
  });

  it('istanbul JSON that does not parse names the line', async () => {
    const error = await failure(
      readCoverage([file('bad.json', '{\n "a.js": {\n  "statementMap": {}\n  "s": {}\n }\n}\n')], {
        cwd: dir,
        format: 'istanbul-final',
      }),
    );
    expect(error.location).toMatchObject({ file: 'bad.json', line: 4 });
  });

  it('empty and missing reports', async () => {
    expect((await failure(readCoverage([file('empty.lcov', '')], { cwd: dir }))).message).toBe(
      'no coverage data found in empty.lcov',
    );
    expect((await failure(readCoverage([file('blank.xml', '\n\n')], { cwd: dir }))).message).toBe(
      'no coverage data found in blank.xml',
    );
    expect((await failure(readCoverage([file('tn.lcov', 'TN:\n')], { cwd: dir }))).message).toBe(
      'no coverage data found in tn.lcov',
    );
    expect((await failure(readCoverage(['nope.lcov'], { cwd: dir, input: 'coverage' }))).location).toMatchObject({
      input: 'coverage',
      file: 'nope.lcov',
    });
    expect((await failure(readTestResults(['nope.xml'], { cwd: dir }))).message).toBe('report not found: nope.xml');
    expect((await failure(readTestResults([file('empty-junit.xml', '')], { cwd: dir }))).message).toBe(
      'no test result data found in empty-junit.xml',
    );
    const set = await readCoverage(['empty.lcov', 'tn.lcov'], { cwd: dir, allowEmpty: true });
    expect(set.files.size).toBe(0);
  });

  it('a metric no input measures is null, a measured empty one is not', async () => {
    const { totals } = await import('../../../src/stages/test-stage/coverage/index.js');
    const set = await readCoverage([file('lines-only.lcov', 'SF:a.c\nDA:1,0\nend_of_record\n')], { cwd: dir });
    expect(totals(set)).toEqual({
      lines: { covered: 0, total: 1, pct: 0 },
      branches: null,
      functions: null,
      statements: null,
    });
  });
});
