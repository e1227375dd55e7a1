import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { ApiError, notFound, paginate, validationFailed } from './http.js';
import type { ObjectBuilder } from './objects.js';
import type { DeploymentState, IssueRecord, RepoRecord } from './records.js';
import type { OperationSpec } from './spec.js';
import type { CheckRunRecord, GitHubState } from './state.js';

export type PermissionScope =
  'issues' | 'pull_requests' | 'deployments' | 'members' | 'contents' | 'security_events' | 'checks';
export type PermissionLevel = 'read' | 'write' | 'none';

export interface RouteContext {
  state: GitHubState;
  build: ObjectBuilder;
  operation: OperationSpec;
  params: Record<string, string>;
  url: URL;
  /** The parsed JSON body (already checked against the documented request schema). */
  body: Record<string, unknown>;
  login: string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  /** What the token needs (any one of `scopes` at `level`); checked before the body is validated. */
  access?: (ctx: Pick<RouteContext, 'state' | 'params'>) => { scopes: PermissionScope[]; level: 'read' | 'write' };
  handle(ctx: RouteContext): RouteResult;
}

function repoOf(ctx: RouteContext) {
  const world = ctx.state.world(ctx.params.owner ?? '', ctx.params.repo ?? '');
  if (!world) throw notFound(ctx.operation);
  return world;
}

function ownerOf(ctx: RouteContext, repo: RepoRecord) {
  return ctx.state.user(repo.owner);
}

function issueOf(ctx: RouteContext, number: string | undefined): IssueRecord {
  const issue = repoOf(ctx).issues.find((i) => i.number === Number(number));
  if (!issue) throw notFound(ctx.operation);
  return issue;
}

function renderIssue(ctx: RouteContext, issue: IssueRecord) {
  const world = repoOf(ctx);
  const count = world.comments.filter((c) => c.issueNumber === issue.number).length;
  return ctx.build.issue(world.record, issue, ctx.state.user(issue.user), count);
}

function list(ctx: RouteContext, items: readonly unknown[], options?: { defaultPerPage?: number }): RouteResult {
  const page = paginate(items, ctx.url, options);
  return { status: 200, body: page.items, headers: page.link ? { link: page.link } : {} };
}

/** Issues and PRs share numbers: commenting on a PR needs issues or pull_requests write. */
const issueOrPull =
  (level: 'read' | 'write') =>
  ({ state, params }: Pick<RouteContext, 'state' | 'params'>) => {
    const world = state.world(params.owner ?? '', params.repo ?? '');
    const issue = world?.issues.find((i) => i.number === Number(params.issue_number));
    return {
      scopes: issue?.isPull ? (['issues', 'pull_requests'] as PermissionScope[]) : ['issues' as PermissionScope],
      level,
    };
  };

const commentAccess =
  (level: 'read' | 'write') =>
  ({ state, params }: Pick<RouteContext, 'state' | 'params'>) => {
    const world = state.world(params.owner ?? '', params.repo ?? '');
    const comment = world?.comments.find((c) => c.id === Number(params.comment_id));
    const issue = world?.issues.find((i) => i.number === comment?.issueNumber);
    return {
      scopes: issue?.isPull ? (['issues', 'pull_requests'] as PermissionScope[]) : ['issues' as PermissionScope],
      level,
    };
  };

const scope = (s: PermissionScope, level: 'read' | 'write') => () => ({ scopes: [s], level });

/** GitHub refuses bodies over 65 536 characters with a 422 (not in the description, but enforced). */
export const MAX_BODY_LENGTH = 65_536;

function checkedBody(ctx: RouteContext, resource: string, value: unknown): string | null {
  const body = str(value) ?? null;
  if (body !== null && body.length > MAX_BODY_LENGTH) {
    throw validationFailed(ctx.operation, [
      {
        resource,
        field: 'body',
        code: 'custom',
        message: `body is too long (maximum is ${MAX_BODY_LENGTH} characters)`,
      },
    ]);
  }
  return body;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The Checks API takes at most 50 annotations a request (documented; not in the schema). */
export const MAX_CHECK_ANNOTATIONS = 50;

function writeCheckOutput(ctx: RouteContext, run: CheckRunRecord, output: unknown): void {
  if (typeof output !== 'object' || output === null) return;
  const o = output as { title?: unknown; summary?: unknown; text?: unknown; annotations?: unknown };
  const annotations = Array.isArray(o.annotations) ? (o.annotations as Record<string, unknown>[]) : [];
  if (annotations.length > MAX_CHECK_ANNOTATIONS)
    throw validationFailed(ctx.operation, [{ resource: 'CheckRun', field: 'annotations', code: 'invalid' }]);
  for (const field of ['summary', 'text'] as const) {
    const v = str(o[field]);
    if (v !== undefined && v.length > 65_535)
      throw validationFailed(ctx.operation, [{ resource: 'CheckRun', field: `output.${field}`, code: 'custom' }]);
  }
  if (str(o.title) !== undefined) run.title = str(o.title) ?? null;
  if (str(o.summary) !== undefined) run.summary = str(o.summary) ?? null;
  if (str(o.text) !== undefined) run.text = str(o.text) ?? null;
  // Updates append annotations; they never replace the earlier ones.
  run.annotations.push(...annotations);
}

function setCheckStatus(ctx: RouteContext, run: CheckRunRecord, b: Record<string, unknown>): void {
  if (typeof b.conclusion === 'string') {
    run.conclusion = b.conclusion;
    run.status = 'completed';
    run.completedAt = str(b.completed_at) ?? ctx.state.now();
  } else if (b.status === 'completed') {
    // GitHub: "Required if you provide a status of completed" (and completed_at).
    throw validationFailed(ctx.operation, [{ resource: 'CheckRun', field: 'conclusion', code: 'missing_field' }]);
  } else if (b.status === 'queued' || b.status === 'in_progress') run.status = b.status;
}

export const ROUTES: Record<string, Route> = {
  'checks/create': {
    access: scope('checks', 'write'),
    handle(ctx) {
      const world = repoOf(ctx);
      const b = ctx.body;
      const run: CheckRunRecord = {
        id: ctx.state.newId(),
        name: String(b.name),
        headSha: ctx.state.resolveRef(world.record.owner, world.record.name, String(b.head_sha)),
        status: 'queued',
        conclusion: null,
        startedAt: str(b.started_at) ?? ctx.state.now(),
        completedAt: null,
        detailsUrl: str(b.details_url) ?? null,
        externalId: str(b.external_id) ?? null,
        title: null,
        summary: null,
        text: null,
        annotations: [],
        writes: 1,
      };
      setCheckStatus(ctx, run, b);
      writeCheckOutput(ctx, run, b.output);
      world.checkRuns.push(run);
      return { status: 201, body: ctx.build.checkRun(world.record, run) };
    },
  },
  'checks/update': {
    access: scope('checks', 'write'),
    handle(ctx) {
      const world = repoOf(ctx);
      const run = world.checkRuns.find((c) => c.id === Number(ctx.params.check_run_id));
      if (!run) throw notFound(ctx.operation);
      if (typeof ctx.body.name === 'string') run.name = ctx.body.name;
      if (typeof ctx.body.details_url === 'string') run.detailsUrl = ctx.body.details_url;
      setCheckStatus(ctx, run, ctx.body);
      writeCheckOutput(ctx, run, ctx.body.output);
      run.writes++;
      return { status: 200, body: ctx.build.checkRun(world.record, run) };
    },
  },
  'checks/list-for-ref': {
    access: scope('checks', 'read'),
    handle(ctx) {
      const world = repoOf(ctx);
      const q = ctx.url.searchParams;
      const sha = ctx.state.resolveRef(world.record.owner, world.record.name, ctx.params.ref ?? '');
      let runs = world.checkRuns.filter(
        (c) =>
          c.headSha === sha &&
          (!q.get('check_name') || c.name === q.get('check_name')) &&
          (!q.get('status') || c.status === q.get('status')),
      );
      // filter=latest (the default): the newest run of each name.
      if ((q.get('filter') ?? 'latest') === 'latest') {
        const newest = new Map<string, CheckRunRecord>();
        for (const c of runs) newest.set(c.name, c);
        runs = [...newest.values()];
      }
      const page = paginate(
        [...runs].reverse().map((c) => ctx.build.checkRun(world.record, c)),
        ctx.url,
      );
      return {
        status: 200,
        body: { total_count: runs.length, check_runs: page.items },
        ...(page.link ? { headers: { link: page.link } } : {}),
      };
    },
  },
  'issues/list-for-repo': {
    access: scope('issues', 'read'),
    handle(ctx) {
      const q = ctx.url.searchParams;
      const state = q.get('state') ?? 'open';
      const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
      const since = q.get('since');
      const creator = q.get('creator');
      let issues = repoOf(ctx).issues.filter(
        (i) =>
          (state === 'all' || i.state === state) &&
          labels.every((l) => i.labels.includes(l)) &&
          (!since || i.updatedAt >= since) &&
          (!creator || i.user.toLowerCase() === creator.toLowerCase()),
      );
      const key = q.get('sort') === 'updated' ? 'updatedAt' : 'createdAt';
      issues = [...issues].sort((a, b) => a[key].localeCompare(b[key]) || a.number - b.number);
      if ((q.get('direction') ?? 'desc') === 'desc') issues.reverse();
      return list(
        ctx,
        issues.map((i) => renderIssue(ctx, i)),
      );
    },
  },
  'issues/create': {
    access: scope('issues', 'write'),
    handle(ctx) {
      const world = repoOf(ctx);
      const title = ctx.body.title;
      const issue = ctx.state.createIssue(
        world.record.owner,
        world.record.name,
        {
          title: String(title),
          body: checkedBody(ctx, 'Issue', ctx.body.body),
          user: ctx.login,
          labels: Array.isArray(ctx.body.labels)
            ? ctx.body.labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name)))
            : [],
        },
        false,
      );
      const body = renderIssue(ctx, issue);
      return { status: 201, body, headers: { location: String(body.url) } };
    },
  },
  'issues/get': {
    access: scope('issues', 'read'),
    handle: (ctx) => ({ status: 200, body: renderIssue(ctx, issueOf(ctx, ctx.params.issue_number)) }),
  },
  'issues/update': {
    access: issueOrPull('write'),
    handle(ctx) {
      const issue = issueOf(ctx, ctx.params.issue_number);
      const b = ctx.body;
      // The description allows a string or an integer title.
      if (typeof b.title === 'string' || typeof b.title === 'number') issue.title = String(b.title);
      if (b.body !== undefined) issue.body = checkedBody(ctx, 'Issue', b.body);
      if (Array.isArray(b.labels)) {
        issue.labels = b.labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name)));
      }
      if (b.state === 'open' || b.state === 'closed') {
        if (b.state !== issue.state) {
          issue.state = b.state;
          issue.closedAt = b.state === 'closed' ? ctx.state.now() : null;
          issue.stateReason = b.state === 'closed' ? 'completed' : 'reopened';
        }
      }
      if (typeof b.state_reason === 'string') issue.stateReason = b.state_reason as IssueRecord['stateReason'];
      issue.updatedAt = ctx.state.now();
      return { status: 200, body: renderIssue(ctx, issue) };
    },
  },
  'issues/list-comments': {
    access: issueOrPull('read'),
    handle(ctx) {
      const world = repoOf(ctx);
      const issue = issueOf(ctx, ctx.params.issue_number);
      const since = ctx.url.searchParams.get('since');
      const sinceMs = since ? Date.parse(since) : NaN;
      if (since && Number.isNaN(sinceMs)) {
        throw validationFailed(ctx.operation, [{ resource: 'IssueComment', field: 'since', code: 'invalid' }]);
      }
      // GitHub's `since` filters on updated_at, so an edited old comment comes back.
      const comments = world.comments
        .filter((c) => c.issueNumber === issue.number && (!since || Date.parse(c.updatedAt) >= sinceMs))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
      return list(
        ctx,
        comments.map((c) => ctx.build.comment(world.record, c, ctx.state.user(c.user), issue.isPull)),
      );
    },
  },
  'issues/create-comment': {
    access: issueOrPull('write'),
    handle(ctx) {
      const world = repoOf(ctx);
      const issue = issueOf(ctx, ctx.params.issue_number);
      const comment = ctx.state.addComment(world.record.owner, world.record.name, issue.number, {
        user: ctx.login,
        body: checkedBody(ctx, 'IssueComment', ctx.body.body) ?? '',
      });
      issue.updatedAt = comment.createdAt;
      const body = ctx.build.comment(world.record, comment, ctx.state.user(ctx.login), issue.isPull);
      return { status: 201, body, headers: { location: String(body.url) } };
    },
  },
  'issues/get-comment': {
    access: commentAccess('read'),
    handle(ctx) {
      const { world, comment, issue } = commentOf(ctx);
      return {
        status: 200,
        body: ctx.build.comment(world.record, comment, ctx.state.user(comment.user), issue.isPull),
      };
    },
  },
  'issues/update-comment': {
    access: commentAccess('write'),
    handle(ctx) {
      const { world, comment, issue } = commentOf(ctx);
      comment.body = checkedBody(ctx, 'IssueComment', ctx.body.body) ?? '';
      comment.updatedAt = ctx.state.now();
      return {
        status: 200,
        body: ctx.build.comment(world.record, comment, ctx.state.user(comment.user), issue.isPull),
      };
    },
  },
  'issues/delete-comment': {
    access: commentAccess('write'),
    handle(ctx) {
      const { world, comment } = commentOf(ctx);
      world.comments.splice(world.comments.indexOf(comment), 1);
      return { status: 204 };
    },
  },
  'pulls/get': {
    access: scope('pull_requests', 'read'),
    handle(ctx) {
      const world = repoOf(ctx);
      const pull = world.pulls.get(Number(ctx.params.pull_number));
      if (!pull) throw notFound(ctx.operation);
      const issue = issueOf(ctx, String(pull.number));
      const count = world.comments.filter((c) => c.issueNumber === pull.number).length;
      const owner = ownerOf(ctx, world.record);
      return {
        status: 200,
        body: ctx.build.pull(world.record, owner, pull, issue, ctx.state.user(issue.user), count),
      };
    },
  },
  'pulls/list-files': {
    access: scope('pull_requests', 'read'),
    handle(ctx) {
      const world = repoOf(ctx);
      const pull = world.pulls.get(Number(ctx.params.pull_number));
      if (!pull) throw notFound(ctx.operation);
      // GitHub serves at most 3000 files for a pull request.
      const files = pull.files.slice(0, 3000).map((f) => ctx.build.diffEntry(world.record, pull.headSha, f));
      return list(ctx, files);
    },
  },
  'teams/list-members-in-org': {
    access: scope('members', 'read'),
    handle(ctx) {
      const team = ctx.state.team(ctx.params.org ?? '', ctx.params.team_slug ?? '');
      if (!team) throw notFound(ctx.operation);
      return list(
        ctx,
        team.members.map((m) => ctx.build.user(ctx.state.user(m))),
      );
    },
  },
  'repos/compare-commits-with-basehead': {
    access: scope('contents', 'read'),
    handle(ctx) {
      const world = repoOf(ctx);
      const basehead = ctx.params.basehead ?? '';
      const comparison = world.comparisons.get(basehead);
      if (!comparison) throw notFound(ctx.operation);
      const { owner, name } = world.record;
      const baseSha = ctx.state.resolveRef(owner, name, comparison.base);
      const commits = comparison.commits.map((c) =>
        ctx.build.commit(world.record, c, c.authorLogin ? ctx.state.user(c.authorLogin) : undefined),
      );
      const baseCommit = ctx.build.commit(
        world.record,
        {
          sha: baseSha,
          message: 'base',
          authorName: 'Base',
          authorEmail: 'base@example.com',
          date: world.record.createdAt,
          parents: [],
        },
        undefined,
      );
      // Compare paginates its commits (default 250 a page); files come whole on the first page only.
      const page = paginate(commits, ctx.url, { defaultPerPage: 250, maxPerPage: 250 });
      const first = (ctx.url.searchParams.get('page') ?? '1') === '1';
      const aheadBy = comparison.commits.length;
      const html = `https://github.com/${owner}/${name}/compare/${basehead}`;
      return {
        status: 200,
        headers: page.link ? { link: page.link } : undefined,
        body: {
          url: `${ctx.url.origin}/repos/${owner}/${name}/compare/${basehead}`,
          html_url: html,
          permalink_url: html,
          diff_url: `${html}.diff`,
          patch_url: `${html}.patch`,
          base_commit: baseCommit,
          merge_base_commit: baseCommit,
          status: aheadBy === 0 ? 'identical' : comparison.behindBy > 0 ? 'diverged' : 'ahead',
          ahead_by: aheadBy,
          behind_by: comparison.behindBy,
          total_commits: aheadBy,
          commits: page.items,
          files: first ? comparison.files.map((f) => ctx.build.diffEntry(world.record, comparison.head, f)) : [],
        },
      };
    },
  },
  'repos/list-deployments': {
    access: scope('deployments', 'read'),
    handle(ctx) {
      const world = repoOf(ctx);
      const q = ctx.url.searchParams;
      const matches = world.deployments
        .filter(
          (d) =>
            (!q.get('sha') || d.sha === q.get('sha')) &&
            (!q.get('ref') || d.ref === q.get('ref')) &&
            (!q.get('task') || d.task === q.get('task')) &&
            (!q.get('environment') || d.environment === q.get('environment')),
        )
        .reverse();
      return list(
        ctx,
        matches.map((d) => ctx.build.deployment(world.record, d, ctx.state.user(d.creator))),
      );
    },
  },
  'repos/create-deployment': {
    access: scope('deployments', 'write'),
    handle(ctx) {
      const world = repoOf(ctx);
      const b = ctx.body;
      const environment = str(b.environment) ?? 'production';
      const at = ctx.state.now();
      const ref = String(b.ref);
      const deployment = {
        id: ctx.state.newId(),
        sha: ctx.state.resolveRef(world.record.owner, world.record.name, ref),
        ref,
        task: str(b.task) ?? 'deploy',
        environment,
        description: b.description === undefined ? '' : (str(b.description) ?? null),
        payload: (b.payload as Record<string, unknown> | string | undefined) ?? {},
        creator: ctx.login,
        transientEnvironment: b.transient_environment === true,
        productionEnvironment:
          typeof b.production_environment === 'boolean' ? b.production_environment : environment === 'production',
        createdAt: at,
        updatedAt: at,
      };
      world.deployments.push(deployment);
      return { status: 201, body: ctx.build.deployment(world.record, deployment, ctx.state.user(ctx.login)) };
    },
  },
  'repos/list-deployment-statuses': {
    access: scope('deployments', 'read'),
    handle(ctx) {
      const world = repoOf(ctx);
      const id = Number(ctx.params.deployment_id);
      if (!world.deployments.some((d) => d.id === id)) throw notFound(ctx.operation);
      const statuses = world.deploymentStatuses.filter((s) => s.deploymentId === id).reverse();
      return list(
        ctx,
        statuses.map((s) => ctx.build.deploymentStatus(world.record, s, ctx.state.user(s.creator))),
      );
    },
  },
  'repos/create-deployment-status': {
    access: scope('deployments', 'write'),
    handle(ctx) {
      const world = repoOf(ctx);
      const id = Number(ctx.params.deployment_id);
      const deployment = world.deployments.find((d) => d.id === id);
      if (!deployment) throw notFound(ctx.operation);
      const b = ctx.body;
      const state = b.state as DeploymentState;
      const environment = str(b.environment) ?? deployment.environment;
      const add = (depId: number, s: DeploymentState, description: string) => {
        const record = {
          id: ctx.state.newId(),
          deploymentId: depId,
          state: s,
          creator: ctx.login,
          description,
          environment,
          targetUrl: str(b.target_url) ?? str(b.log_url) ?? '',
          logUrl: str(b.log_url) ?? str(b.target_url) ?? '',
          environmentUrl: str(b.environment_url) ?? '',
          createdAt: ctx.state.now(),
        };
        world.deploymentStatuses.push(record);
        return record;
      };
      const status = add(id, state, str(b.description) ?? '');
      deployment.updatedAt = status.createdAt;
      // auto_inactive (default true): earlier successful deployments to the same environment go inactive.
      if (state === 'success' && b.auto_inactive !== false) {
        for (const other of world.deployments) {
          if (other.id === id || other.environment !== environment || other.transientEnvironment) continue;
          const latest = world.deploymentStatuses.filter((s) => s.deploymentId === other.id).at(-1);
          if (latest?.state === 'success') add(other.id, 'inactive', '');
        }
      }
      return {
        status: 201,
        body: ctx.build.deploymentStatus(world.record, status, ctx.state.user(ctx.login)),
      };
    },
  },
  'code-scanning/upload-sarif': {
    access: scope('security_events', 'write'),
    handle(ctx) {
      const world = repoOf(ctx);
      // Code scanning's documented limits: 10 MB gzipped (413), 20 runs, 25 000 results per run (400).
      const gz = Buffer.from(str(ctx.body.sarif) ?? '', 'base64');
      if (gz.length > 10 * 1024 * 1024) throw new ApiError(413, { message: 'Payload Too Large' });
      let sarif: { version?: unknown; runs?: { results?: unknown[] }[] };
      try {
        sarif = JSON.parse(gunzipSync(gz).toString('utf8')) as typeof sarif;
      } catch {
        throw new ApiError(400, { message: 'Invalid SARIF: the sarif field must be gzipped, base64-encoded JSON' });
      }
      if (sarif.version !== '2.1.0' || !Array.isArray(sarif.runs))
        throw new ApiError(400, { message: 'Invalid SARIF: version 2.1.0 with runs is required' });
      if (sarif.runs.length > 20)
        throw new ApiError(400, {
          message: `rejecting SARIF, as there are more runs than allowed (${sarif.runs.length} > 20)`,
        });
      for (const run of sarif.runs)
        if ((run.results?.length ?? 0) > 25_000)
          throw new ApiError(400, {
            message: `rejecting SARIF, as there are more results in a run than allowed (${run.results?.length} > 25000)`,
          });
      const id = randomUUID();
      world.sarifUploads.push({
        id,
        commitSha: str(ctx.body.commit_sha) ?? '',
        ref: str(ctx.body.ref) ?? '',
        ...(str(ctx.body.tool_name) ? { toolName: str(ctx.body.tool_name) } : {}),
        gzippedBytes: gz.length,
        sarif,
      });
      return {
        status: 202,
        body: {
          id,
          url: `${ctx.url.origin}/repos/${world.record.owner}/${world.record.name}/code-scanning/sarifs/${id}`,
        },
      };
    },
  },
  'repos/get-collaborator-permission-level': {
    handle(ctx) {
      const world = repoOf(ctx);
      const login = ctx.params.username ?? '';
      const user = ctx.state.findUser(login);
      if (!user) throw notFound(ctx.operation);
      const role = world.record.collaborators[user.login] ?? (world.record.private ? undefined : 'read');
      if (!role) throw notFound(ctx.operation);
      // `permission` is the legacy name of the role: maintain → write, triage → read.
      const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
      const userObject = {
        ...ctx.build.user(user),
        permissions: {
          admin: role === 'admin',
          maintain: role === 'admin' || role === 'maintain',
          push: permission === 'admin' || permission === 'write',
          triage: role !== 'read',
          pull: true,
        },
        role_name: role,
      };
      return { status: 200, body: { permission, role_name: role, user: userObject } };
    },
  },
};

function commentOf(ctx: RouteContext) {
  const world = repoOf(ctx);
  const comment = world.comments.find((c) => c.id === Number(ctx.params.comment_id));
  if (!comment) throw notFound(ctx.operation);
  const issue = world.issues.find((i) => i.number === comment.issueNumber);
  if (!issue) throw new ApiError(500, { message: 'comment without an issue' });
  return { world, comment, issue };
}
