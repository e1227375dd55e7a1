// Every report in ../shared/fixtures/junit. Expected counts come from the file text (regexes over
// the raw XML), never from our parser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { expect, it } from 'vitest';

import { UserError } from '../../../src/core/errors.js';
import { readTestResults, testTotals } from '../../../src/stages/test-stage/results/index.js';
import { describeWithSharedFixtures, hasSharedFixtures, SHARED_FIXTURES } from '../../support/shared-fixtures.js';

const dir = path.join(SHARED_FIXTURES, 'junit');

function walk(d: string): string[] {
  return readdirSync(d).flatMap((name) => {
    const full = path.join(d, name);
    return statSync(full).isDirectory() ? walk(full) : [path.relative(dir, full)];
  });
}

/** Files that are not well-formed or not reports, with why. Everything else must parse. */
const MALFORMED: Record<string, RegExp> = {
  // Surefire killed mid-write: the file stops inside <system-out>.
  'mikepenz/corrupt-junit/e2e-tests/corrupt/target/sf-reports/TEST-test.CorruptTest.xml': /unclosed tag/,
  // Templates with time="<<computed>>": `<` is not allowed in an attribute value.
  'mikepenz/junit-web-test/expected.xml': /disallowed character/,
  'mikepenz/junit-web-test/expectedRetries.xml': /disallowed character/,
  // Maven project files that sit next to the Surefire reports in that fixture tree.
  'mikepenz/tests/pom.xml': /not a test report/,
  'mikepenz/tests/email/pom.xml': /not a test report/,
  'mikepenz/tests/utils/pom.xml': /not a test report/,
};

const files = hasSharedFixtures ? walk(dir).sort() : [];

/** The test-case elements of a report, as raw text blocks, by dialect. */
function blocks(body: string): string[] {
  const tag = /<TestRun[\s>]/.test(body)
    ? 'UnitTestResult'
    : /<test-(run|results)[\s>]/.test(body)
      ? 'test-case'
      : 'testcase';
  const out: string[] = [];
  const open = new RegExp(`<${tag}[\\s>/]`, 'g');
  const starts = [...body.matchAll(open)].map((m) => m.index);
  for (const [i, start] of starts.entries()) {
    const head = body.slice(start, body.indexOf('>', start) + 1);
    if (head.endsWith('/>')) out.push(head);
    else
      out.push(
        body.slice(start, Math.min(body.indexOf(`</${tag}>`, start) + tag.length + 3, starts[i + 1] ?? Infinity)),
      );
  }
  return out;
}

describeWithSharedFixtures('../shared/fixtures/junit', () => {
  it('holds the reports this file walks', () => {
    expect(files.length).toBeGreaterThan(60);
  });
});

describeWithSharedFixtures('every JUnit/TRX/NUnit fixture', () => {
  for (const rel of files.filter((f) => !(f in MALFORMED))) {
    it(rel, async () => {
      const body = readFileSync(path.join(dir, rel), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
      const cases = blocks(body);
      const results = await readTestResults([rel], { cwd: dir });
      const totals = testTotals(results);
      expect(totals.total).toBe(cases.length);
      const trx = /<TestRun[\s>]/.test(body);
      const nunit = /<test-(run|results)[\s>]/.test(body);
      if (!trx && !nunit) {
        // Several outcomes in one case: the most severe decides, an error over a failure.
        const errored = cases.filter((c) => /<error[\s>/]/.test(c)).length;
        const failed = cases.filter((c) => /<failure[\s>/]/.test(c) && !/<error[\s>/]/.test(c)).length;
        expect(totals.failed).toBe(failed);
        expect(totals.errors).toBe(errored);
        expect(totals.flaky).toBe(
          cases.filter((c) => /<flaky(Failure|Error)[\s>]/.test(c) && !/<(failure|error)[\s>/]/.test(c)).length,
        );
        // Every failure keeps its message when the report gives one.
        for (const testCase of results.cases.toArray().filter((c) => c.status === 'failed')) {
          const raw = cases.find((c) =>
            c.includes(
              `name="${testCase.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`,
            ),
          );
          if (raw && /<failure[^>]*message="[^"\s]/.test(raw)) expect(testCase.message, testCase.name).toBeTruthy();
        }
      } else if (trx) {
        expect(totals.failed).toBe(cases.filter((c) => /outcome="Failed"/.test(c)).length);
        expect(totals.passed).toBe(cases.filter((c) => /outcome="Passed"/.test(c)).length);
      } else {
        expect(totals.passed).toBe(cases.filter((c) => /result="(Passed|Success)"/.test(c)).length);
      }
    });
  }
});

describeWithSharedFixtures('malformed or foreign files are UserErrors naming file and line', () => {
  for (const [rel, why] of Object.entries(MALFORMED)) {
    it(rel, async () => {
      const error: unknown = await readTestResults([rel], { cwd: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      const { location, message } = error as UserError;
      expect(message).toMatch(why);
      expect(location.file).toBe(rel);
      const body = readFileSync(path.join(dir, rel), 'utf8');
      const lines = body.split('\n');
      // The line is where the problem is: the first `<` inside an attribute, the end of a truncated
      // file, or the start of the foreign root's tag.
      const expected = /disallowed/.test(why.source)
        ? lines.findIndex((l) => /="[^"]*</.test(l)) + 1
        : /unclosed/.test(why.source)
          ? lines.length
          : body.slice(0, body.indexOf('<project')).split('\n').length;
      expect(location.line).toBe(expected);
    });
  }
});

describeWithSharedFixtures('what the model keeps', () => {
  it('nested suites are never dropped (dorny #701): every case keeps its whole suite path', async () => {
    const results = await readTestResults(['mikepenz/nested/junit.xml'], { cwd: dir });
    expect(results.cases.toArray().map((c) => [c.suite.join(' > '), c.name, c.status])).toEqual([
      ['All tests > tests > packet > TestA', 'A', 'failed'],
      ['All tests > tests > packet > TestA', 'B', 'passed'],
      ['All tests > tests > packet > TestB', 'A', 'passed'],
      ['All tests > tests > packet > TestB', 'B', 'failed'],
      ['All tests > tests > packet', 'A', 'failed'],
    ]);
    expect(results.cases.at(0).message).toBe('failure');
  });

  it('PHPUnit file and line attributes', async () => {
    const results = await readTestResults(['dorny/phpunit/phpunit-paths.xml'], { cwd: dir });
    expect(results.cases.at(0)).toMatchObject({
      name: 'testFailure',
      file: '/home/runner/work/repo/src/Fake.php',
      line: 42,
      status: 'failed',
    });
  });

  it('Surefire flakyFailure = passed on a rerun, flagged flaky, with a duration', async () => {
    const results = await readTestResults(['mikepenz/maven_surefire_flaky/surefire-report.xml'], { cwd: dir });
    expect(results.cases.toArray()).toEqual([
      expect.objectContaining({ name: 'createWebhook', status: 'passed', flaky: true, durationMs: 683 }),
    ]);
  });

  it('TRX: class names from the test definitions, failure message and stack', async () => {
    const results = await readTestResults(['dorny/dotnet-trx.trx'], { cwd: dir });
    const failed = results.cases.toArray().find((c) => c.status === 'failed')!;
    expect(failed.classname).toBeTruthy();
    expect(failed.message).toBeTruthy();
    expect(failed.details).toContain(failed.message!);
  });

  it('several files add up', async () => {
    const rels = ['mikepenz/multiple/test_10.xml', 'mikepenz/multiple/test_11.xml', 'mikepenz/multiple/test_12.xml'];
    const results = await readTestResults(rels, { cwd: dir });
    expect(results.sources).toEqual(rels);
    expect(testTotals(results).total).toBe(9);
  });
});
