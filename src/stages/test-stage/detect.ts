import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where detected runs write reports that their tool has no default file for. */
export const DETECT_DIR = '.shipkit/test';

/**
 * Usual report locations, one group per tool. Within a group the first file found wins: istanbul
 * writes the same data as lcov.info and coverage-final.json, and reading both would count it twice.
 */
export const COVERAGE_LOCATIONS: readonly (readonly string[])[] = [
  [
    'coverage/lcov.info',
    'coverage/coverage-final.json',
    'coverage/cobertura-coverage.xml',
    'coverage/clover.xml',
    'coverage/coverage-summary.json',
  ],
  ['lcov.info'],
  ['coverage.xml'],
  [`${DETECT_DIR}/cover.out`, 'cover.out', 'coverage.out'],
  ['target/site/jacoco/jacoco.xml', 'build/reports/jacoco/test/jacocoTestReport.xml'],
];

export const TEST_RESULT_LOCATIONS: readonly string[] = [
  `${DETECT_DIR}/*.xml`,
  'junit.xml',
  'test-results.xml',
  'report.xml',
  'reports/junit.xml',
  'test-results/**/*.xml',
  'target/surefire-reports/TEST-*.xml',
  'build/test-results/test/*.xml',
];

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

async function readText(p: string): Promise<string | undefined> {
  try {
    return await readFile(p, 'utf8');
  } catch {
    return undefined;
  }
}

/** npm's placeholder `test` script, which only fails. */
const NPM_PLACEHOLDER = /no test specified/;

export interface DetectedCommands {
  lint: string[];
  test: string[];
  /** Why these were chosen, for the log. */
  reasons: string[];
}

async function packageRunner(cwd: string): Promise<string> {
  if (await exists(path.join(cwd, 'pnpm-lock.yaml'))) return 'pnpm';
  if (await exists(path.join(cwd, 'yarn.lock'))) return 'yarn';
  return 'npm';
}

async function pythonHas(module: string, cwd: string): Promise<boolean> {
  try {
    await run('python3', ['-c', `import ${module}`], { cwd, timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** What a repository runs for lint and tests, judged from its package.json, Python and Go files. */
export async function detectCommands(cwd: string): Promise<DetectedCommands> {
  const out: DetectedCommands = { lint: [], test: [], reasons: [] };
  const pkgText = await readText(path.join(cwd, 'package.json'));
  if (pkgText !== undefined) {
    let scripts: Record<string, unknown> = {};
    try {
      const pkg = JSON.parse(pkgText) as { scripts?: Record<string, unknown> };
      scripts = pkg.scripts ?? {};
    } catch {
      // A broken package.json is the package manager's to report; detect nothing from it.
    }
    const runner = await packageRunner(cwd);
    if (typeof scripts.lint === 'string') {
      out.lint.push(`${runner} run lint`);
      out.reasons.push('package.json has a lint script');
    }
    if (typeof scripts.test === 'string' && !NPM_PLACEHOLDER.test(scripts.test)) {
      out.test.push(`${runner} test`);
      out.reasons.push('package.json has a test script');
    }
  }
  const pyproject = (await readText(path.join(cwd, 'pyproject.toml'))) ?? '';
  const setupCfg = (await readText(path.join(cwd, 'setup.cfg'))) ?? '';
  const pytest =
    pyproject.includes('[tool.pytest') ||
    setupCfg.includes('[tool:pytest]') ||
    (await exists(path.join(cwd, 'pytest.ini'))) ||
    (await exists(path.join(cwd, 'conftest.py')));
  if (pytest) {
    const cov = (await pythonHas('pytest_cov', cwd)) ? ' --cov --cov-report=xml:coverage.xml' : '';
    out.test.push(`mkdir -p ${DETECT_DIR} && python3 -m pytest --junitxml=${DETECT_DIR}/pytest-junit.xml${cov}`);
    out.reasons.push('pytest configuration found');
  }
  if (await exists(path.join(cwd, 'go.mod'))) {
    out.test.push(`mkdir -p ${DETECT_DIR} && go test -coverprofile=${DETECT_DIR}/cover.out ./...`);
    out.reasons.push('go.mod found');
  }
  return out;
}

/** Existing coverage reports in the usual places (the first of each group). */
export async function detectCoverageFiles(cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const group of COVERAGE_LOCATIONS) {
    for (const rel of group) {
      if (await exists(path.join(cwd, rel))) {
        found.push(rel);
        break;
      }
    }
  }
  return found;
}
