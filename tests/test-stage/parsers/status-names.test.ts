import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTestResults } from '../../../src/stages/test-stage/results/index.js';

// Status words come from the report: a lookup table must not answer with Object.prototype's
// members (`toString`, `constructor`) as if they were statuses.
describe('status names from reports', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-status-'));
  const write = (name: string, xml: string): string => {
    writeFileSync(path.join(dir, name), xml);
    return name;
  };

  it('treats a TRX outcome named like an Object member as unknown, not as a function', async () => {
    const file = write(
      'odd.trx',
      `<?xml version="1.0" encoding="utf-8"?>
<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
  <Results>
    <UnitTestResult testName="a" outcome="toString" duration="00:00:00.01" />
    <UnitTestResult testName="b" outcome="constructor" duration="00:00:00.01" />
    <UnitTestResult testName="c" outcome="Failed" duration="00:00:00.01" />
  </Results>
</TestRun>`,
    );
    const results = await readTestResults([file], { cwd: dir });
    for (const c of results.cases) expect(typeof c.status, c.name).toBe('string');
    expect(results.cases.toArray().map((c) => [c.name, c.status])).toEqual([
      ['a', 'skipped'],
      ['b', 'skipped'],
      ['c', 'failed'],
    ]);
  });

  it('keeps JUnit elements named like Object members out of the statuses', async () => {
    const file = write(
      'odd.xml',
      `<testsuite name="s" tests="2"><testcase name="x"><constructor/></testcase><testcase name="y"><toString/></testcase></testsuite>`,
    );
    const results = await readTestResults([file], { cwd: dir });
    expect(results.cases.toArray().map((c) => [c.name, c.status])).toEqual([
      ['x', 'passed'],
      ['y', 'passed'],
    ]);
  });
});
