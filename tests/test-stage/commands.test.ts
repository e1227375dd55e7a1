import { describe, expect, it } from 'vitest';
import { MemoryLogger } from '../../src/core/logger.js';
import { PIPE_GRACE_MS, runCommand, runCommands } from '../../src/stages/test-stage/run-commands.js';
import { detectCommands, detectCoverageFiles } from '../../src/stages/test-stage/detect.js';
import { expandPatterns } from '../../src/stages/test-stage/find-files.js';
import { tempDir, write } from './support/git-repo.js';
import { cleanEnv } from './support/stage.js';

const opts = (logger = new MemoryLogger(), signal = new AbortController().signal) => ({
  cwd: tempDir('cmd'),
  env: cleanEnv(),
  logger,
  signal,
});

describe('runCommands', () => {
  it('streams output lines to the logger, times each command, and keeps going after a failure', async () => {
    const logger = new MemoryLogger();
    const results = await runCommands(
      'test',
      ['echo one; echo two >&2', 'false | true', 'exit 3', 'echo after'],
      opts(logger),
    );
    expect(results.map((r) => [r.command, r.exitCode])).toEqual([
      ['echo one; echo two >&2', 0],
      // pipefail, as GitHub's bash steps: a failing stage of a pipe fails the command.
      ['false | true', 1],
      ['exit 3', 3],
      ['echo after', 0],
    ]);
    const messages = logger.lines.map((l) => l.message);
    expect(messages).toContain('one');
    expect(messages).toContain('two');
    expect(messages).toContain('after');
    expect(messages.some((m) => /test: 'exit 3' failed \(exit code 3\) after \d+\.\ds/.test(m))).toBe(true);
    expect(results.every((r) => r.durationMs >= 0)).toBe(true);
  });

  it('ends when the command exits, though a background process it started still holds stdout', async () => {
    const logger = new MemoryLogger();
    const o = opts(logger);
    // `sleep 30 &` inherits stdout and stderr; the command itself exits at once. Without the grace
    // period the stage would wait the 30 s for the pipes to close.
    const result = await runCommand('test', 'echo started; (sleep 30; echo late) & echo done', o);
    expect(result).toMatchObject({ exitCode: 0, pipesLeftOpen: true });
    // It waited the grace period for output, not for the background process (30 s).
    expect(result.durationMs).toBeGreaterThanOrEqual(PIPE_GRACE_MS - 50);
    const messages = logger.lines.map((l) => l.message);
    expect(messages).toContain('started');
    expect(messages).toContain('done');
    expect(messages).not.toContain('late');
    expect(messages.some((m) => /still holds its output; no longer reading it/.test(m))).toBe(true);
  });

  it('a command whose background process closes its output is not marked', async () => {
    const result = await runCommand('test', '(sleep 30 >/dev/null 2>&1 &) ; echo ok', opts());
    expect(result.exitCode).toBe(0);
    expect(result.pipesLeftOpen).toBeUndefined();
  });

  it('kills the whole process group when cancelled', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = runCommand('test', 'sleep 30 & sleep 30; wait', opts(new MemoryLogger(), controller.signal));
    setTimeout(() => controller.abort(), 300);
    const result = await pending;
    expect(result.exitCode).toBeNull();
    expect(result.signal).toBe('SIGTERM');
    // Not waited out: the sleeps would take 30 s.
    expect(Date.now() - started).toBeLessThan(25_000);
  });
});

describe('detection', () => {
  it("finds package.json scripts (not npm's placeholder), pytest and go", async () => {
    const dir = tempDir('detect');
    write(dir, {
      'package.json': JSON.stringify({
        scripts: { test: 'echo "Error: no test specified" && exit 1', lint: 'eslint .' },
      }),
      'yarn.lock': '',
    });
    expect(await detectCommands(dir)).toMatchObject({ lint: ['yarn run lint'], test: [] });
    write(dir, { 'pyproject.toml': '[tool.pytest.ini_options]\n', 'go.mod': 'module x\n' });
    const d = await detectCommands(dir);
    expect(d.test).toHaveLength(2);
    expect(d.test[0]).toMatch(/python3 -m pytest --junitxml=\.shipkit\/test\/pytest-junit\.xml/);
    expect(d.test[1]).toBe('mkdir -p .shipkit/test && go test -coverprofile=.shipkit/test/cover.out ./...');
  });

  it('takes one report per tool from the usual places', async () => {
    const dir = tempDir('detect');
    write(dir, {
      'coverage/lcov.info': 'x',
      'coverage/coverage-final.json': '{}',
      'coverage.xml': '<x/>',
      'cover.out': 'mode: set\n',
    });
    expect(await detectCoverageFiles(dir)).toEqual(['coverage/lcov.info', 'coverage.xml', 'cover.out']);
  });

  it('expands globs over the file system (reports are git-ignored), skipping node_modules', async () => {
    const dir = tempDir('glob');
    write(dir, { 'a/TEST-1.xml': '', 'a/b/TEST-2.xml': '', 'node_modules/x/TEST-3.xml': '', 'junit.xml': '' });
    const found = await expandPatterns(['**/TEST-*.xml', 'junit.xml', 'missing.xml'], dir);
    expect(found.files.map((f) => f.slice(dir.length + 1))).toEqual(['a/TEST-1.xml', 'a/b/TEST-2.xml', 'junit.xml']);
    expect(found.empty).toEqual(['missing.xml']);
  });
});
