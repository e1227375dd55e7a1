import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { listItems, paragraphs, tables } from './support/markdown.js';
import { TestReport as testReportSchema } from '../../src/stages/test-stage/report-schema.js';
import { runBundle } from '../support/action-runner.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { pullRequestEvent } from '../support/webhook-events.js';
import { git, repoWithPr, tempDir } from './support/git-repo.js';

// Runner-contract tests: the built bundle (dist/test/index.js) run as the GitHub runner runs it.
const GO_MOD = 'module example.com/calc\n\ngo 1.19\n';
const MATHX = `package mathx

func Add(a, b int) int {
	return a + b
}
`;
const MATHX_PR = `${MATHX}
func Clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	return v
}
`;
const MATHX_TEST = `package mathx

import "testing"

func TestAdd(t *testing.T) {
	if Add(1, 2) != 3 {
		t.Fatal("bad")
	}
}
`;
const OWNER = 'octo';
const REPO = 'calc';

let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer();
  server.state.addRepo(OWNER, REPO);
});
afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

function goRepo() {
  return repoWithPr(
    {
      'go.mod': GO_MOD,
      'calc/mathx/mathx.go': MATHX,
      'calc/mathx/mathx_test.go': MATHX_TEST,
      '.gitignore': 'cover.out\n.shipkit/\n',
    },
    { 'calc/mathx/mathx.go': MATHX_PR },
  );
}

const GATES = {
  test: 'go test -coverprofile=cover.out ./...',
  coverage: 'cover.out',
  'min-diff-coverage': '80',
  'path-thresholds': 'calc/**: { statements: 50 }',
  'max-drop': '10',
};

describe('test action bundle', () => {
  it('gates a pull request on changed lines, per-path thresholds and the drop against a saved baseline', async () => {
    const { dir, baseSha, headSha } = goRepo();
    const baselines = tempDir('baselines');
    const common = {
      workspace: dir,
      apiUrl: server.url,
      repository: `${OWNER}/${REPO}`,
      env: { SHIPKIT_BASELINE_DIR: baselines },
    };

    git(dir, 'checkout', '-q', 'main');
    const push = await runBundle('test', {
      ...common,
      inputs: GATES,
      event: {
        name: 'push',
        payload: { ref: 'refs/heads/main', after: baseSha, repository: { default_branch: 'main' } },
      },
      ref: 'refs/heads/main',
      sha: baseSha,
    });
    expect(push.exitCode, push.stdout + push.stderr).toBe(0);
    expect(push.outputs).toMatchObject({ passed: 'true', statements: '100', 'diff-coverage': '' });
    expect(push.stdout).toContain("Saved the coverage baseline of 'main'");

    git(dir, 'checkout', '-q', 'feature');
    server.state.addPull(OWNER, REPO, { number: 7, base: 'main', baseSha, head: 'feature', headSha });
    const pr = await runBundle('test', {
      ...common,
      inputs: GATES,
      event: {
        name: 'pull_request',
        payload: pullRequestEvent({ owner: OWNER, repo: REPO, number: 7, baseRef: 'main', baseSha, headSha }),
      },
      ref: 'refs/pull/7/merge',
      sha: headSha,
    });
    expect(pr.exitCode, pr.stdout + pr.stderr).toBe(1);
    // Add 1/1 and Clamp 0/3 statements: 25 %; lines 3/8, down 62.5 points; the changed lines are Clamp's.
    expect(pr.outputs).toMatchObject({
      passed: 'false',
      statements: '25',
      'diff-coverage': '0',
      lines: expect.any(String),
      tests: '',
      failed: '',
    });
    const warning = pr.annotations.find((a) => a.command === 'warning' && a.properties.file === 'calc/mathx/mathx.go');
    expect(warning).toMatchObject({
      properties: { file: 'calc/mathx/mathx.go', line: '7', endLine: '11', title: 'Not covered by tests' },
    });
    expect(tables(pr.summary)[0]).toContainEqual(['Statements (headline)', '25.00 %', '-75.00', '1 / 4']);
    expect(pr.summary).toContain('| `calc/mathx/mathx.go` | 0.00 % |');
    expect(pr.summary).toMatch(/❌ \| `min-diff-coverage` \| ≥ 80 % \| 0 % \|/);
    expect(pr.summary).toMatch(/❌ \| `path calc\/\*\* statements` \| ≥ 50 % \| 25 % \|/);
    // Go: the drop is measured on statements, the headline `go test -cover` prints (100 % → 25 %).
    expect(pr.summary).toMatch(/❌ \| `max-drop` \| ≤ 10 pp \| 75 pp \| statements 100% on main/);

    const report = JSON.parse(readFileSync(pr.outputs.report, 'utf8'));
    assertReportMatches(testReportSchema, structuredClone(report));
    expect(report.coverage.diff).toEqual({
      covered: 0,
      total: 5,
      pct: 0,
      files: [{ path: 'calc/mathx/mathx.go', covered: 0, total: 5, pct: 0, uncovered: [{ start: 7, end: 11 }] }],
    });
    expect(report.coverage.baseline).toMatchObject({ branch: 'main', sha: baseSha });

    // The stage's section of the sticky PR comment.
    const comments = server.state.comments(OWNER, REPO, 7);
    expect(comments).toHaveLength(1);
    expect(paragraphs(comments[0].body)).toContain('Changed lines not covered (0.00 % of 5 covered)');
    expect(listItems(comments[0].body)).toContainEqual(['calc/mathx/mathx.go 0 %, uncovered 7-11']);
  });

  it('falls back to the PR files API when git cannot find the base, and fails soft without the Actions cache', async () => {
    const { dir, baseSha, headSha } = goRepo();
    // A checkout with no base branch and no remote: git cannot tell what changed.
    git(dir, 'branch', '-D', 'main');
    const patch =
      '@@ -4,2 +4,9 @@ func Add(a, b int) int {\n \treturn a + b\n }\n+\n+func Clamp(v, lo, hi int) int {\n+\tif v < lo {\n+\t\treturn lo\n+\t}\n+\treturn v\n+}';
    server.state.addPull(OWNER, REPO, {
      number: 9,
      base: 'main',
      head: 'feature',
      headSha,
      files: [
        { filename: 'calc/mathx/mathx.go', additions: 7, patch },
        { filename: 'logo.png', status: 'added' },
      ],
    });
    const run = await runBundle('test', {
      workspace: dir,
      apiUrl: server.url,
      repository: `${OWNER}/${REPO}`,
      inputs: { ...GATES, 'max-drop': '', base: 'main' },
      event: {
        name: 'pull_request',
        payload: pullRequestEvent({
          owner: OWNER,
          repo: REPO,
          number: 9,
          baseRef: 'main',
          baseSha: 'f'.repeat(40),
          headSha,
        }),
      },
      ref: 'refs/pull/9/merge',
      sha: headSha,
    });
    expect(run.stdout).toContain('Asking the GitHub API for the files of pull request #9');
    expect(run.outputs['diff-coverage']).toBe('0');
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(report.coverage.diffStatus).toBe('measured from api');
    expect(report.coverage.diff.files[0]).toMatchObject({
      path: 'calc/mathx/mathx.go',
      uncovered: [{ start: 7, end: 11 }],
    });
    expect(server.requests.some((r) => r.path.startsWith(`/repos/${OWNER}/${REPO}/pulls/9/files`))).toBe(true);
    // No ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL here: the baseline store warns and there is none.
    expect(run.stdout).toContain('The Actions cache is not available here');
    expect(paragraphs(run.summary, { topLevelOnly: true })).toContain(
      'No baseline yet for main: a push to main records one, and later pull requests show deltas.',
    );
    expect(baseSha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('reports a user mistake in one line naming the input', async () => {
    const run = await runBundle('test', { inputs: { 'path-thresholds': 'src/**: { lines: 80, loops: 1 }' } });
    // A user's mistake: exit 2, naming the input (issue 10).
    expect(run.exitCode).toBe(2);
    expect(run.annotations.find((a) => a.command === 'error')?.message).toBe(
      "input 'path-thresholds': 'src/**': unknown metric 'loops' (use lines, branches, functions, statements)",
    );
  });
});
