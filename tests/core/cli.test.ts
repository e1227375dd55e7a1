import { describe, expect, it } from 'vitest';
import type { CliCommand, CommandEntry } from '../../src/cli/command.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runCli } from '../../src/cli/run-cli.js';
import { UserError } from '../../src/core/errors.js';
import { buildReport } from '../../src/core/report/build.js';
import { VERSION } from '../../src/core/version.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

const fake: CliCommand = {
  name: 'demo',
  summary: 'a command for tests',
  flags: {
    min: { type: 'string', description: 'N  minimum' },
    file: { type: 'string', multiple: true, description: 'F' },
  },
  run: async (inputs, ctx) => {
    const min = inputs.number('min', { min: 0, max: 100 }) ?? 0;
    if (inputs.list('file').includes('missing.xml'))
      throw new UserError('no coverage data found', { file: 'missing.xml', line: 3 });
    const passed = min <= 50;
    const report = buildReport({
      stage: 'test',
      startedAt: new Date(),
      summary: `files: ${inputs.list('file').join('+')}`,
      gates: [{ name: 'min', passed, required: min, actual: 50 }],
    });
    ctx.logger.info('working');
    return { report, outputs: {}, summary: [], comment: '', annotations: [], text: 'demo ran' };
  },
};

const entries: CommandEntry[] = [{ name: fake.name, summary: fake.summary, load: async () => fake }];

describe('shipkit CLI', () => {
  it('prints its version and help', async () => {
    const a = capture();
    expect(await runCli(['--version'], a.io, entries)).toBe(EXIT_OK);
    expect(a.out.stdout).toBe(`${VERSION}\n`);
    const b = capture();
    expect(await runCli(['--help'], b.io, entries)).toBe(EXIT_OK);
    expect(b.out.stdout).toMatch(/\n {2}demo +a command for tests\n/);
    const c = capture();
    expect(await runCli(['demo', '--help'], c.io, entries)).toBe(EXIT_OK);
    expect(c.out.stdout).toContain('--file (repeatable)');
  });

  it('exits 2 on usage errors', async () => {
    const a = capture();
    expect(await runCli(['nope'], a.io, entries)).toBe(EXIT_USAGE);
    expect(a.out.stderr).toContain("unknown command 'nope'");
    const b = capture();
    expect(await runCli(['demo', '--bogus'], b.io, entries)).toBe(EXIT_USAGE);
    expect(b.out.stderr).toContain("Unknown option '--bogus'");
    expect(await runCli([], capture().io, entries)).toBe(EXIT_USAGE);
  });

  it('exits 1 when a gate fails and prints readable text with required and actual', async () => {
    const a = capture();
    expect(await runCli(['demo', '--min', '80'], a.io, entries)).toBe(EXIT_FAILED);
    expect(a.out.stdout).toContain('✘ min: required 80, actual 50');
    expect(a.out.stderr).toContain('working');
  });

  it('prints only the JSON report on stdout with --json; repeatable flags arrive as a list', async () => {
    const a = capture();
    expect(await runCli(['demo', '--json', '--file', 'a.xml', '--file', 'b.xml'], a.io, entries)).toBe(EXIT_OK);
    const report = JSON.parse(a.out.stdout);
    expect(report.summary).toBe('files: a.xml+b.xml');
    expect(report.status).toBe('pass');
  });

  it('reports a user mistake in one line naming the file and line, and the option', async () => {
    const a = capture();
    expect(await runCli(['demo', '--file', 'missing.xml'], a.io, entries)).toBe(EXIT_FAILED);
    expect(a.out.stderr).toBe('shipkit demo: missing.xml:3: no coverage data found\n');
    const b = capture();
    expect(await runCli(['demo', '--min', 'lots'], b.io, entries)).toBe(EXIT_FAILED);
    expect(b.out.stderr).toBe("shipkit demo: --min must be a number from 0 to 100, got 'lots'\n");
  });
});
