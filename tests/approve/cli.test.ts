import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_USAGE, runCli } from '../../src/cli/run-cli.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

describe('shipkit approve', () => {
  it('lists its flags under the action input names', async () => {
    const c = capture();
    expect(await runCli(['approve', '--help'], c.io)).toBe(EXIT_OK);
    for (const flag of [
      '--approvers',
      '--min-approvals',
      '--allow-initiator',
      '--environment',
      '--timeout',
      '--poll-interval',
      '--notify-url',
    ])
      expect(c.out.stdout).toContain(flag);
  });

  it('names the missing token instead of failing later', async () => {
    const c = capture();
    expect(await runCli(['approve', '--approvers', 'alice'], c.io, undefined, {})).toBe(EXIT_USAGE);
    expect(c.out.stderr).toContain('approve needs the GitHub API: set github-token');
  });

  it('names a bad flag', async () => {
    const c = capture();
    expect(await runCli(['approve', '--approvers', 'alice', '--min-approvals', 'two'], c.io)).toBe(EXIT_USAGE);
    expect(c.out.stderr).toContain('--min-approvals must be a whole number');
  });
});
