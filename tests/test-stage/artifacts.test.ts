// The shard export (what the root report action merges) is made when a host reads the outcome's
// `artifacts` to save them, and never in a run that saves nothing; read, it is the export of the run,
// with every registered secret taken out.
import { describe, expect, it, vi } from 'vitest';

import { redactOutcome } from '../../src/core/execute.js';
import { Redactor } from '../../src/core/redact.js';
import { shardExport } from '../../src/stages/test-stage/shard/export.js';
import type * as ExportModule from '../../src/stages/test-stage/shard/export.js';
import { tempDir, write } from './support/git-repo.js';
import { runStage } from './support/stage.js';

vi.mock('../../src/stages/test-stage/shard/export.js', async (importOriginal) => {
  const real = await importOriginal<typeof ExportModule>();
  return { ...real, shardExport: vi.fn(real.shardExport) };
});

const SECRET = 'tok-7f3a9c2e51';
const JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="api" tests="2" failures="1">
  <testcase classname="api.Client" name="sends ${SECRET} in the header" file="src/client.ts" line="3"/>
  <testcase classname="api.Client" name="retries" file="src/client.ts" line="9"><failure message="timeout">stack</failure></testcase>
</testsuite>
`;
const LCOV = 'TN:\nSF:src/client.ts\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n';

async function run(): Promise<Awaited<ReturnType<typeof runStage>>> {
  const dir = tempDir('artifacts');
  write(dir, { 'src/client.ts': 'a\nb\n', 'junit.xml': JUNIT, 'lcov.info': LCOV });
  return runStage(dir, { coverage: 'lcov.info', 'test-results': 'junit.xml' });
}

describe('the test stage outcome: artifacts', () => {
  it('are made on first read only, once, and hold the run', async () => {
    vi.mocked(shardExport).mockClear();
    const { outcome } = await run();
    expect(outcome.report.status).toBe('fail');
    // An accessor: computed when read.
    expect(Object.keys(Object.getOwnPropertyDescriptor(outcome, 'artifacts') ?? {})).toContain('get');
    expect(shardExport).not.toHaveBeenCalled();

    const files = outcome.artifacts!;
    expect(shardExport).toHaveBeenCalledTimes(1);
    expect(outcome.artifacts).toBe(files);
    expect(shardExport).toHaveBeenCalledTimes(1);
    expect(files.map((f) => f.name)).toEqual(['coverage.lcov', 'shard.json']);
    expect(files[0].data).toContain('SF:src/client.ts\n');
    const doc = JSON.parse(files[1].data) as { tests: { cases: unknown[][] } };
    expect(doc.tests.cases.map((c) => c[0])).toEqual([`sends ${SECRET} in the header`, 'retries']);
    // As data (a report file, a structured clone) the outcome shows them like any other field.
    expect((JSON.parse(JSON.stringify(outcome)) as { artifacts: unknown }).artifacts).toEqual(files);
  });

  it('are redacted when read from the redacted outcome, and still made only then', async () => {
    vi.mocked(shardExport).mockClear();
    const { outcome } = await run();
    const redactor = new Redactor();
    redactor.add(SECRET);
    const redacted = redactOutcome(outcome, redactor);
    expect(shardExport).not.toHaveBeenCalled();
    const json = redacted.artifacts!.find((f) => f.name === 'shard.json')!.data;
    expect(shardExport).toHaveBeenCalledTimes(1);
    expect(json).not.toContain(SECRET);
    expect(json).toContain('sends *** in the header');
  });
});
