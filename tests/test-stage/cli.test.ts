import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { TestReport as testReportSchema } from '../../src/stages/test-stage/report-schema.js';
import { REPO_ROOT } from '../support/action-runner.js';
import { git, tempDir, write } from './support/git-repo.js';
import { cleanEnv } from './support/stage.js';

const run = promisify(execFile);

/** A small real project: Node's own test runner writes lcov and JUnit, detected from package.json. */
function nodeProject(): string {
  const dir = tempDir('cli');
  write(dir, {
    'package.json': JSON.stringify({
      name: 'calc',
      version: '1.0.0',
      type: 'module',
      scripts: {
        lint: 'node --check src/calc.js',
        test: 'mkdir -p coverage && node --test --experimental-test-coverage --test-reporter=spec --test-reporter-destination=stdout --test-reporter=lcov --test-reporter-destination=coverage/lcov.info --test-reporter=junit --test-reporter-destination=junit.xml test/',
      },
    }),
    'src/calc.js':
      'export function add(a, b) {\n  return a + b;\n}\n\nexport function sub(a, b) {\n  return a - b;\n}\n',
    'test/calc.test.js':
      "import { test } from 'node:test';\nimport assert from 'node:assert';\nimport { add } from '../src/calc.js';\n\ntest('adds', () => {\n  assert.strictEqual(add(1, 2), 3);\n});\n",
    '.gitignore': 'coverage/\njunit.xml\n.shipkit/\n',
  });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');
  return dir;
}

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

describe('shipkit test (CLI)', () => {
  it('with no options detects the scripts and the reports, and reports without coverage gates', async () => {
    const dir = nodeProject();
    const { out, io } = capture();
    const code = await runCli(['test', '--root', dir], io);
    expect(out.stderr).toContain('Detected: package.json has a lint script; package.json has a test script');
    expect(code, out.stderr).toBe(0);
    expect(out.stdout).toContain('✔ lint: npm run lint');
    expect(out.stdout).toContain('✔ test: npm test');
    expect(out.stdout).toMatch(/Coverage \(2 files from coverage\/lcov\.info \[lcov\]\):/);
    expect(out.stdout).toMatch(/functions\s+66\.67 %\s+2 \/ 3/);
    expect(out.stdout).toContain('Tests: 1 total, 1 passed, 0 failed, 0 errors, 0 skipped');
    expect(out.stdout).toContain('✔ test: pass');
  });

  it('--json prints the stage report with the coverage and tests keys', async () => {
    const dir = nodeProject();
    const { out, io } = capture();
    const code = await runCli(['test', '--root', dir, '--json', '--min-functions', '90', '--base', 'main'], io);
    expect(code).toBe(1);
    const report = JSON.parse(out.stdout);
    assertReportMatches(testReportSchema, structuredClone(report));
    expect(report.coverage.totals.functions).toEqual({ covered: 2, total: 3, pct: 66.67 });
    // The totals are the tool's own: the LH/LF sums of the lcov file Node wrote (what `lcov --summary` prints).
    const lcov = readFileSync(path.join(dir, 'coverage/lcov.info'), 'utf8');
    const sum = (key: string) =>
      [...lcov.matchAll(new RegExp(`^${key}:(\\d+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
    expect(report.coverage.totals.lines).toMatchObject({ covered: sum('LH'), total: sum('LF') });
    expect(report.coverage.files.map((f: { path: string }) => f.path)).toEqual(['src/calc.js', 'test/calc.test.js']);
    // Nothing changed since main: measured, and empty.
    expect(report.coverage.diff).toEqual({ covered: 0, total: 0, pct: 100, files: [] });
    expect(report.tests).toMatchObject({ total: 1, passed: 1, failed: 0, errors: 0, skipped: 0, failures: [] });
    expect(report.gates.find((g: { name: string }) => g.name === 'min-functions')).toMatchObject({
      passed: false,
      required: 90,
      actual: 66.67,
    });
  });

  const cli = path.join(REPO_ROOT, 'dist/cli/index.js');
  it.skipIf(!existsSync(cli))('npx shipkit test: the bundled CLI prints its report', async () => {
    const dir = nodeProject();
    const { stdout } = await run(process.execPath, [cli, 'test', '--root', dir], { env: cleanEnv(), cwd: dir }).catch(
      (error: { stdout: string; stderr: string }) => {
        throw new Error(`shipkit test failed:\n${error.stdout}\n${error.stderr}`);
      },
    );
    expect(stdout).toContain('✔ test: npm test');
    expect(stdout).toMatch(/lines\s+\d+\.\d\d %/);
    expect(stdout).toContain('✔ test: pass');
  });
});

describe('usage errors name the flag', () => {
  it('bad YAML in --path-thresholds says which flag, exit 2', async () => {
    const { out, io } = capture();
    const code = await runCli(['test', '--root', tempDir('bad-yaml'), '--path-thresholds', 'src/: ['], io);
    expect(code).toBe(2);
    expect(out.stderr + out.stdout).toMatch(/--path-thresholds: is not valid YAML/);
    expect(out.stderr + out.stdout).not.toMatch(/shipkit test: is not valid YAML/);
  });
});
