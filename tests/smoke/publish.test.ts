// What the smoke stage tells the world, as the hosts publish it (core's executeStage with its
// redactor, the comment section rendered by the core): every secret out of every channel, and the
// comment and summary read as GitHub renders them (markdown-it), asserted on structure.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSection } from '../../src/core/comment/section.js';
import { executeStage } from '../../src/core/execute.js';
import { InputReader, type InputSource } from '../../src/core/inputs.js';
import type { StageOutcome } from '../../src/core/outcome.js';
import { Redactor } from '../../src/core/redact.js';
import { stageEntry } from '../../src/stages/registry.js';
import { parseBlocks, type Block } from '../support/markdown.js';
import { testContext } from './support/run.js';
import { json, startHttp, type TestServer } from './support/servers.js';

const HEADER_SECRET = 'Bearer s3cret-from-the-headers-input';
const FILE_SECRET = 'key-from-the-check-file-0451';

let app: TestServer;
beforeAll(async () => {
  // Reflects every request header into its body and into headers of its own, as debug endpoints do.
  app = await startHttp((req, res) => {
    const reflected = {
      'x-seen-authorization': String(req.headers.authorization ?? ''),
      'x-seen-api-key': String(req.headers['x-api-key'] ?? ''),
    };
    if (req.url === '/ok') return json(res, 200, { ok: true });
    json(res, 200, { headers: req.headers }, reflected);
  });
});
afterAll(async () => {
  await app.close();
});

/** An action's input source: values by name, masks registered with the run's redactor. */
function actionInputs(values: Record<string, string>, redactor: Redactor): InputSource {
  return {
    get: (name) => (values[name]?.trim() ? values[name] : undefined),
    label: (name) => `input '${name}'`,
    mask: (value) => redactor.add(value),
  };
}

async function publish(values: Record<string, string>, dir: string) {
  const redactor = new Redactor();
  const execution = await executeStage(
    stageEntry('smoke')!,
    new InputReader(actionInputs(values, redactor)),
    testContext(dir),
    redactor,
  );
  const { outcome } = execution;
  const section = outcome.comment
    ? renderSection(
        { title: 'Smoke', status: outcome.report.status, headline: outcome.comment.headline },
        outcome.comment,
      )
    : '';
  return { execution, outcome, section, summary: outcome.summary.map((s) => s.markdown).join('\n\n') };
}

/** Every channel a run writes to: report file, outputs, PR comment, job summary, annotations, terminal. */
function channels(outcome: StageOutcome, section: string, summary: string): Record<string, string> {
  return {
    report: JSON.stringify(outcome.report),
    outputs: JSON.stringify(outcome.outputs),
    comment: section,
    summary,
    annotations: JSON.stringify(outcome.annotations),
    text: outcome.text,
  };
}

const tableOf = (blocks: Block[]) => blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');

describe('smoke, published', () => {
  it('keeps header values a server reflects out of every channel', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-smoke-publish-'));
    writeFileSync(
      path.join(dir, 'checks.yml'),
      [
        'checks:',
        '  - name: reflected',
        '    path: /echo',
        `    headers: { X-Api-Key: ${FILE_SECRET} }`,
        '    expect:',
        '      headers: { x-seen-authorization: nope, x-seen-api-key: nope }',
        '      json: { $.headers.authorization: nope }',
        '',
      ].join('\n'),
    );
    const { outcome, section, summary } = await publish(
      {
        url: app.url,
        checks: 'checks.yml',
        headers: `Authorization: ${HEADER_SECRET}`,
        // The rollback prints what it was given: its output is in the report and the summary.
        'on-failure': `echo "rolled back after ${HEADER_SECRET}"`,
      },
      dir,
    );
    expect(outcome.report.status).toBe('fail');
    for (const [channel, text] of Object.entries(channels(outcome, section, summary))) {
      expect(text, channel).not.toContain('s3cret-from-the-headers-input');
      expect(text, channel).not.toContain(FILE_SECRET);
    }
    // Redacted, not absent: the reason says what the server sent back, with the value taken out.
    const reason = (outcome.report.checks as { reason: string }[])[0].reason;
    expect(reason).toContain('header x-seen-authorization is "***", expected "nope"');
    expect(reason).toContain('header x-seen-api-key is "***", expected "nope"');
    expect((outcome.report.onFailure as { output: string }).output).toBe('rolled back after ***\n');
  });

  it('renders a failed run as a heading, the failures open, and the tables folded', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-smoke-publish-'));
    const { section, summary } = await publish(
      {
        url: app.url,
        // A name with a pipe and backticks must stay inside its cell.
        checks:
          'checks:\n  - name: ok\n    path: /ok\n  - name: "a | `b`"\n    path: /echo\n    expect: { status: 201 }\n',
        thresholds: "http_req_duration: ['p(95)<60000']\nhttp_req_failed: ['rate<0.01']",
      },
      dir,
    );
    const blocks = parseBlocks(section);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'html', 'table', 'table', 'html']);
    expect(blocks[0]).toEqual({
      type: 'heading',
      level: 4,
      text: '❌ Smoke · 1 of 2 checks failed; failed gates: http_req_failed: rate<0.01',
    });
    expect(blocks[1]).toEqual({
      type: 'list',
      items: ['❌ a | `b`: status 200, expected 201', '❌ http_req_failed: rate<0.01: 0.5'],
    });
    expect(blocks[2]).toMatchObject({
      type: 'html',
      text: expect.stringMatching(/^<details><summary>2 check\(s\), 2 request\(s\), 2 gate\(s\)<\/summary>/),
    });
    const gates = blocks[3] as Extract<Block, { type: 'table' }>;
    expect(gates.header).toEqual(['', 'Gate', 'Required', 'Actual', 'Detail']);
    expect(gates.rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['✅', 'http_req_duration: p(95)<60000', expect.stringMatching(/^[\d.]+ ms$/)],
      ['❌', 'http_req_failed: rate<0.01', '0.5'],
    ]);
    const checks = blocks[4] as Extract<Block, { type: 'table' }>;
    expect(checks.header).toEqual(['', 'Check', 'Status', 'p50', 'p95', 'max', 'Reason']);
    expect(checks.rows.map((r) => r.length)).toEqual([7, 7]);
    expect(checks.rows.map((r) => [r[0], r[1], r[2], r[6]])).toEqual([
      ['✅', 'ok', '200', 'met every expectation in 1 sample(s)'],
      ['❌', 'a | `b`', '200', 'status 200, expected 201'],
    ]);

    const s = parseBlocks(summary);
    expect(s.filter((b) => b.type === 'heading')).toEqual([
      { type: 'heading', level: 3, text: '❌ Smoke: 1 of 2 checks failed; failed gates: http_req_failed: rate<0.01' },
      { type: 'heading', level: 4, text: 'Gates' },
      { type: 'heading', level: 4, text: 'Checks' },
    ]);
    expect(tableOf(s)?.header).toEqual(['', 'Gate', 'Required', 'Actual', 'Detail']);
  });

  it('renders a passing run as a heading and the tables folded, nothing open', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-smoke-publish-'));
    const { section, execution } = await publish({ url: `${app.url}/ok`, samples: '3' }, dir);
    expect(execution.exitCode).toBe(0);
    const blocks = parseBlocks(section);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'html', 'table', 'html']);
    expect(blocks[0]).toEqual({
      type: 'heading',
      level: 4,
      text: expect.stringMatching(
        /^✅ Smoke · 1\/1 checks passed against http:\/\/127\.0\.0\.1:\d+\/ok, p95 [\d.]+ ms$/,
      ),
    });
    expect(tableOf(blocks)?.rows).toEqual([
      [
        '✅',
        'url',
        '200',
        expect.any(String),
        expect.any(String),
        expect.any(String),
        'met every expectation in 3 sample(s)',
      ],
    ]);
  });
});
