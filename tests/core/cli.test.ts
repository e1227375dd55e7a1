import http from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runCli } from '../../src/cli/run-cli.js';
import { parseActionMetadata } from '../../src/core/action-metadata.js';
import { UserError } from '../../src/core/errors.js';
import { buildReport } from '../../src/core/report/build.js';
import { stageReportSchema } from '../../src/core/report/schema.js';
import type { Stage, StageEntry } from '../../src/core/stage.js';
import { VERSION } from '../../src/core/version.js';
import { ACTION_METADATA } from '../../src/generated/action-metadata.js';
import { STAGES } from '../../src/stages/registry.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

// A stage that exists only in this test: its action.yml, its stage, one registry entry. Nothing else
// is edited for it to appear in the CLI.
const DEMO_ACTION_YML = `
name: shipkit demo
description: A stage for tests. It checks a number against a minimum.
inputs:
  min:
    description: Minimum to reach.
    default: '10'
  file:
    description: Files, one per line.
    default: ''
  url:
    description: A server to call.
    default: ''
  strict:
    description: Fail on warnings.
    default: 'false'
  secret-header:
    description: A secret value.
    default: ''
  github-token:
    description: Token.
    default: \${{ github.token }}
  working-directory:
    description: Directory.
    default: .
  comment:
    description: Comment.
    default: 'true'
outputs:
  report:
    description: Path of the report.
`;

interface DemoOptions {
  min: number;
  files: string[];
  url?: string;
  strict: boolean;
}

const DemoReport = stageReportSchema('demo', { files: Type.Array(Type.String()) });

const demoStage: Stage<DemoOptions> = {
  name: 'demo',
  reportSchema: DemoReport,
  readOptions: (inputs) => {
    inputs.secret('secret-header');
    return {
      min: inputs.number('min', { min: 0, max: 100 }) ?? 0,
      files: inputs.list('file'),
      url: inputs.string('url'),
      strict: inputs.bool('strict', false),
    };
  },
  run: async (options, ctx) => {
    if (options.files.includes('missing.xml'))
      throw new UserError('no coverage data found', { file: 'missing.xml', line: 3 });
    if (options.files.includes('bug')) throw new TypeError("Cannot read properties of undefined (reading 'x')");
    if (options.url) await fetch(options.url);
    ctx.logger.info(`working on ${options.files.join(', ')}`);
    const report = buildReport({
      stage: 'demo',
      startedAt: new Date(),
      summary: `files: ${options.files.join('+')}${options.strict ? ' (strict)' : ''}`,
      gates: [{ name: 'min', passed: options.min <= 50, required: options.min, actual: 50 }],
      data: { files: options.files },
    });
    return { report, outputs: {}, summary: [], annotations: [], text: 'demo ran' };
  },
};

const demoEntry: StageEntry = {
  name: 'demo',
  title: 'Demo',
  actionDir: 'demo',
  load: async () => demoStage,
};
const registry = {
  stages: [...STAGES, demoEntry],
  metadata: { ...ACTION_METADATA, demo: parseActionMetadata(DEMO_ACTION_YML, 'demo/action.yml') },
};
const cli = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const c = capture();
  return runCli(argv, c.io, registry, env).then((code) => ({ code, ...c.out }));
};

describe('shipkit CLI', () => {
  it('prints its version, and a stage added through the registry in its help', async () => {
    expect((await cli(['--version'])).stdout).toBe(`${VERSION}\n`);
    const help = await cli(['--help']);
    expect(help.code).toBe(EXIT_OK);
    expect(help.stdout).toMatch(/\n {2}demo +A stage for tests\n/);
    const own = await cli(['demo', '--help']);
    expect(own.stdout).toContain('--min VALUE  (default: 10)');
    expect(own.stdout).toContain('--strict, --no-strict  (default: false)');
    for (const absent of ['--github-token', '--working-directory', '--comment'])
      expect(own.stdout).not.toContain(absent);
  });

  it('exits 2 on every usage error, naming the option', async () => {
    expect((await cli(['nope'])).code).toBe(EXIT_USAGE);
    const unknown = await cli(['demo', '--mni', '3']);
    expect(unknown).toMatchObject({ code: EXIT_USAGE });
    expect(unknown.stderr).toContain("unknown option '--mni'; did you mean '--min'?");
    const noValue = await cli(['demo', '--min']);
    expect(noValue.code).toBe(EXIT_USAGE);
    expect(noValue.stderr).toContain("option '--min' needs a value");
    const invalid = await cli(['demo', '--min', 'many']);
    expect(invalid.code).toBe(EXIT_USAGE);
    expect(invalid.stderr).toContain("--min must be a number from 0 to 100, got 'many'");
    const twice = await cli(['demo', '--min', '3', '--min', '4']);
    expect(twice.code).toBe(EXIT_USAGE);
    expect(twice.stderr).toContain('--min takes one value but was given 2 times');
    const badBool = await cli(['demo', '--strict=yes']);
    expect(badBool.code).toBe(EXIT_USAGE);
    expect(badBool.stderr).toContain("--strict must be true or false, got 'yes'");
    expect((await cli([])).code).toBe(EXIT_USAGE);
  });

  it('exits 1 when a gate fails and prints readable text with required and actual', async () => {
    const r = await cli(['demo', '--min', '80']);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.stdout).toContain('✘ min: required 80, actual 50');
    expect(r.stderr).toContain('working on');
  });

  it('applies action.yml defaults; repeatable flags arrive as lines; booleans take --x, --no-x and --x=false', async () => {
    const a = await cli(['demo', '--json', '--file', 'a.xml', '--file', 'b.xml', '--strict']);
    expect(a.code).toBe(EXIT_OK);
    const report = JSON.parse(a.stdout);
    expect(report.summary).toBe('files: a.xml+b.xml (strict)');
    expect(report.gates[0].required).toBe(10);
    expect(JSON.parse((await cli(['demo', '--json', '--no-strict'])).stdout).summary).toBe('files: ');
    expect(JSON.parse((await cli(['demo', '--json', '--strict=false'])).stdout).summary).toBe('files: ');
  });

  it('reports a user mistake in one line naming the file and line, exit 2', async () => {
    const r = await cli(['demo', '--file', 'missing.xml']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toBe('shipkit demo: missing.xml:3: no coverage data found\n');
  });

  it('reports an unreachable server in one line with a hint, exit 1, and still writes the report', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-cli-'));
    const r = await cli(['demo', '--url', `http://127.0.0.1:${port}/`, '--report-dir', dir]);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(
      `cannot reach a server at 127.0.0.1:${port}: connection refused. Check that the server is running`,
    );
    expect(r.stderr).not.toContain('internal error');
    const report = JSON.parse(readFileSync(path.join(dir, 'demo.json'), 'utf8'));
    expect(report).toMatchObject({ stage: 'demo', status: 'fail', error: { kind: 'service' } });
  });

  it('shows a bug as an internal error with its stack, exit 1', async () => {
    const r = await cli(['demo', '--file', 'bug']);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.stderr).toContain("internal error: Cannot read properties of undefined (reading 'x')");
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('never prints a secret: values of secret inputs and GITHUB_TOKEN are redacted everywhere', async () => {
    const r = await cli(
      ['demo', '--json', '--secret-header', 'hunter2-secret', '--file', 'hunter2-secret', '--file', 'ghp_cliToken123'],
      {
        GITHUB_TOKEN: 'ghp_cliToken123',
      },
    );
    expect(r.stdout + r.stderr).not.toContain('hunter2-secret');
    expect(r.stdout + r.stderr).not.toContain('ghp_cliToken123');
    expect(JSON.parse(r.stdout).files).toEqual(['***', '***']);
  });
});

describe('every real stage in the CLI', () => {
  it.each(STAGES.map((s) => [s.name, s] as const))(
    'shipkit %s --help lists each input of its action.yml with its default',
    async (_name, stage) => {
      const yml = readFileSync(path.join(import.meta.dirname, '../..', stage.actionDir, 'action.yml'), 'utf8');
      const fromFile = parseActionMetadata(yml, `${stage.actionDir}/action.yml`);
      // The generated metadata the CLI reads is the action.yml of today.
      expect(ACTION_METADATA[stage.actionDir]).toEqual(fromFile);
      const c = capture();
      expect(await runCli([stage.name, '--help'], c.io)).toBe(EXIT_OK);
      for (const input of fromFile.inputs) {
        if (['github-token', 'working-directory', 'comment', 'artifact'].includes(input.name)) continue;
        expect(c.out.stdout).toContain(`--${input.name}`);
        if (input.default && input.default !== '' && !input.default.includes('${{'))
          expect(c.out.stdout).toMatch(
            new RegExp(`--${input.name}[^\\n]*default: ${input.default.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[;)]`),
          );
      }
    },
  );
});
