import { fakeSha } from './objects.js';
import type { AuthorAssociation, CommentRecord, CommitRecord, ComparisonRecord, DeploymentRecord } from './records.js';
import type { DeploymentStatusRecord, FileRecord, IssueRecord, PullRecord, RepoRecord } from './records.js';
import type { TeamRecord, UserRecord } from './records.js';

export interface RepoOptions {
  private?: boolean;
  defaultBranch?: string;
  /** Branch/tag → SHA; unknown refs resolve to a stable fake SHA. */
  refs?: Record<string, string>;
  collaborators?: Record<string, RepoRecord['collaborators'][string]>;
}

export interface PullOptions {
  number: number;
  title?: string;
  body?: string | null;
  user?: string;
  head?: string;
  headSha?: string;
  base?: string;
  baseSha?: string;
  draft?: boolean;
  files?: {
    filename: string;
    status?: FileRecord['status'];
    additions?: number;
    deletions?: number;
    patch?: string;
    previousFilename?: string;
  }[];
}

export interface IssueOptions {
  title: string;
  body?: string | null;
  user?: string;
  labels?: string[];
  state?: 'open' | 'closed';
  createdAt?: string;
}

export interface CommentOptions {
  user: string;
  body: string;
  createdAt?: string;
  /** Later than createdAt for an edited comment. */
  updatedAt?: string;
  authorAssociation?: AuthorAssociation;
}

export interface CommitOptions {
  sha?: string;
  message: string;
  author?: { name?: string; email?: string; login?: string };
  date?: string;
}

export interface ComparisonOptions {
  /** `base...head` as the client will ask for it: GET compare/{base}...{head}. */
  base: string;
  head: string;
  commits: CommitOptions[];
  files?: PullOptions['files'];
  behindBy?: number;
}

class RepoWorld {
  issues: IssueRecord[] = [];
  comments: CommentRecord[] = [];
  pulls = new Map<number, PullRecord>();
  deployments: DeploymentRecord[] = [];
  deploymentStatuses: DeploymentStatusRecord[] = [];
  comparisons = new Map<string, ComparisonRecord>();
  sarifUploads: SarifUploadRecord[] = [];
  checkRuns: CheckRunRecord[] = [];
  constructor(readonly record: RepoRecord) {}
}

/** A check run as the Checks API keeps it: annotations accumulate over create and updates. */
export interface CheckRunRecord {
  id: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  annotations: Record<string, unknown>[];
  /** Requests that wrote it (create, then updates), in order. */
  writes: number;
}

/** A SARIF upload as code scanning received it (the `sarif` field decoded: base64, gunzip, JSON). */
export interface SarifUploadRecord {
  id: string;
  commitSha: string;
  ref: string;
  toolName?: string;
  /** Size of the gzipped SARIF, in bytes. */
  gzippedBytes: number;
  sarif: unknown;
}

/** The in-memory GitHub the server serves. Tests seed it and read it back; the API mutates it. */
export class GitHubState {
  private readonly users = new Map<string, UserRecord>();
  private readonly repos = new Map<string, RepoWorld>();
  private readonly teams = new Map<string, TeamRecord>();
  private nextId = 1000;

  /** Ids are unique across every kind of object, like GitHub's (which makes mix-ups visible). */
  newId(): number {
    return this.nextId++;
  }

  now(): string {
    return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  addUser(login: string, options: { type?: 'User' | 'Bot' | 'Organization' } = {}): UserRecord {
    const existing = this.users.get(login.toLowerCase());
    if (existing) {
      if (options.type) existing.type = options.type;
      return existing;
    }
    const user: UserRecord = {
      id: this.newId(),
      login,
      type: options.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
    };
    this.users.set(login.toLowerCase(), user);
    return user;
  }

  /** The user, created on first mention (tests rarely care about ids). */
  user(login: string): UserRecord {
    return this.users.get(login.toLowerCase()) ?? this.addUser(login);
  }

  findUser(login: string): UserRecord | undefined {
    return this.users.get(login.toLowerCase());
  }

  addRepo(owner: string, repo: string, options: RepoOptions = {}): RepoRecord {
    const key = `${owner}/${repo}`.toLowerCase();
    const existing = this.repos.get(key);
    if (existing) return existing.record;
    this.user(owner);
    for (const login of Object.keys(options.collaborators ?? {})) this.user(login);
    const defaultBranch = options.defaultBranch ?? 'main';
    const record: RepoRecord = {
      id: this.newId(),
      owner,
      name: repo,
      private: options.private ?? false,
      defaultBranch,
      createdAt: this.now(),
      refs: { [defaultBranch]: fakeSha(`${owner}/${repo}:${defaultBranch}`), ...options.refs },
      collaborators: { [owner]: 'admin', ...options.collaborators },
    };
    this.repos.set(key, new RepoWorld(record));
    return record;
  }

  /** The repository's world, or undefined (→ 404) when the test never added it. */
  world(owner: string, repo: string): RepoWorld | undefined {
    return this.repos.get(`${owner}/${repo}`.toLowerCase());
  }

  private requireWorld(owner: string, repo: string): RepoWorld {
    const world = this.world(owner, repo);
    if (!world) throw new Error(`github-server: add the repository first: state.addRepo('${owner}', '${repo}')`);
    return world;
  }

  resolveRef(owner: string, repo: string, ref: string): string {
    const world = this.requireWorld(owner, repo);
    if (/^[0-9a-f]{40}$/.test(ref)) return ref;
    return world.record.refs[ref.replace(/^refs\/(heads|tags)\//, '')] ?? fakeSha(`${owner}/${repo}:${ref}`);
  }

  addIssue(owner: string, repo: string, options: IssueOptions): IssueRecord {
    return this.createIssue(owner, repo, options, false);
  }

  createIssue(owner: string, repo: string, options: IssueOptions, isPull: boolean, number?: number): IssueRecord {
    const world = this.requireWorld(owner, repo);
    const at = options.createdAt ?? this.now();
    const n = number ?? world.issues.reduce((max, i) => Math.max(max, i.number), 0) + 1;
    if (world.issues.some((i) => i.number === n))
      throw new Error(`github-server: #${n} already exists in ${owner}/${repo}`);
    const user = options.user ?? owner;
    this.user(user);
    const issue: IssueRecord = {
      id: this.newId(),
      number: n,
      title: options.title,
      body: options.body ?? null,
      user,
      state: options.state ?? 'open',
      stateReason: null,
      labels: options.labels ?? [],
      isPull,
      authorAssociation: this.association(world, user),
      createdAt: at,
      updatedAt: at,
      closedAt: options.state === 'closed' ? at : null,
    };
    world.issues.push(issue);
    return issue;
  }

  addPull(owner: string, repo: string, options: PullOptions): PullRecord {
    const world = this.requireWorld(owner, repo);
    const head = options.head ?? `feature-${options.number}`;
    const base = options.base ?? world.record.defaultBranch;
    this.createIssue(
      owner,
      repo,
      { title: options.title ?? `Pull request #${options.number}`, body: options.body ?? null, user: options.user },
      true,
      options.number,
    );
    const pull: PullRecord = {
      number: options.number,
      head,
      headSha: options.headSha ?? this.resolveRef(owner, repo, head),
      base,
      baseSha: options.baseSha ?? this.resolveRef(owner, repo, base),
      draft: options.draft ?? false,
      files: (options.files ?? []).map((f) => ({
        filename: f.filename,
        status: f.status ?? 'modified',
        additions: f.additions ?? 0,
        deletions: f.deletions ?? 0,
        patch: f.patch,
        previousFilename: f.previousFilename,
      })),
    };
    world.pulls.set(pull.number, pull);
    return pull;
  }

  addTeam(org: string, slug: string, members: string[]): TeamRecord {
    this.addUser(org, { type: 'Organization' });
    for (const m of members) this.user(m);
    const team: TeamRecord = { org, slug, members: [...members] };
    this.teams.set(`${org}/${slug}`.toLowerCase(), team);
    return team;
  }

  team(org: string, slug: string): TeamRecord | undefined {
    return this.teams.get(`${org}/${slug}`.toLowerCase());
  }

  addComment(owner: string, repo: string, issueNumber: number, options: CommentOptions): CommentRecord {
    const world = this.requireWorld(owner, repo);
    if (!world.issues.some((i) => i.number === issueNumber)) {
      throw new Error(`github-server: no issue or pull request #${issueNumber} in ${owner}/${repo}`);
    }
    this.user(options.user);
    const createdAt = options.createdAt ?? this.now();
    const comment: CommentRecord = {
      id: this.newId(),
      issueNumber,
      user: options.user,
      body: options.body,
      authorAssociation: options.authorAssociation ?? this.association(world, options.user),
      createdAt,
      updatedAt: options.updatedAt ?? createdAt,
    };
    world.comments.push(comment);
    return comment;
  }

  /** Commits between `base` and `head`, served by GET compare/{base}...{head}. */
  addCommits(owner: string, repo: string, options: ComparisonOptions): ComparisonRecord {
    const world = this.requireWorld(owner, repo);
    let parent = this.resolveRef(owner, repo, options.base);
    const commits = options.commits.map((c, index): CommitRecord => {
      const sha = c.sha ?? fakeSha(`${owner}/${repo}:${options.head}:${index}:${c.message}`);
      const record: CommitRecord = {
        sha,
        message: c.message,
        authorName: c.author?.name ?? c.author?.login ?? 'Test Author',
        authorEmail: c.author?.email ?? 'author@example.com',
        authorLogin: c.author?.login,
        date: c.date ?? this.now(),
        parents: [parent],
      };
      if (c.author?.login) this.user(c.author.login);
      parent = sha;
      return record;
    });
    if (commits.length > 0) world.record.refs[options.head] ??= parent;
    const comparison: ComparisonRecord = {
      base: options.base,
      head: options.head,
      commits,
      files: (options.files ?? []).map((f) => ({
        filename: f.filename,
        status: f.status ?? 'modified',
        additions: f.additions ?? 0,
        deletions: f.deletions ?? 0,
        patch: f.patch,
        previousFilename: f.previousFilename,
      })),
      behindBy: options.behindBy ?? 0,
    };
    world.comparisons.set(`${options.base}...${options.head}`, comparison);
    return comparison;
  }

  /** Readable collections (live arrays: the API's writes show up here). */
  issues(owner: string, repo: string): IssueRecord[] {
    return this.requireWorld(owner, repo).issues;
  }

  comments(owner: string, repo: string, issueNumber?: number): CommentRecord[] {
    const all = this.requireWorld(owner, repo).comments;
    return issueNumber === undefined ? all : all.filter((c) => c.issueNumber === issueNumber);
  }

  pulls(owner: string, repo: string): PullRecord[] {
    return [...this.requireWorld(owner, repo).pulls.values()];
  }

  deployments(owner: string, repo: string): DeploymentRecord[] {
    return this.requireWorld(owner, repo).deployments;
  }

  checkRuns(owner: string, repo: string): CheckRunRecord[] {
    return this.requireWorld(owner, repo).checkRuns;
  }

  /** A check run another workflow left earlier (for `notify-on: change`). */
  addCheckRun(
    owner: string,
    repo: string,
    run: { name: string; headSha: string; conclusion: string; completedAt?: string },
  ): CheckRunRecord {
    const at = run.completedAt ?? this.now();
    const record: CheckRunRecord = {
      id: this.newId(),
      name: run.name,
      headSha: run.headSha,
      status: 'completed',
      conclusion: run.conclusion,
      startedAt: at,
      completedAt: at,
      detailsUrl: null,
      externalId: null,
      title: null,
      summary: null,
      text: null,
      annotations: [],
      writes: 1,
    };
    this.requireWorld(owner, repo).checkRuns.push(record);
    return record;
  }

  sarifUploads(owner: string, repo: string): SarifUploadRecord[] {
    return this.requireWorld(owner, repo).sarifUploads;
  }

  deploymentStatuses(owner: string, repo: string, deploymentId?: number): DeploymentStatusRecord[] {
    const all = this.requireWorld(owner, repo).deploymentStatuses;
    return deploymentId === undefined ? all : all.filter((s) => s.deploymentId === deploymentId);
  }

  private association(world: RepoWorld, login: string): AuthorAssociation {
    if (login.toLowerCase() === world.record.owner.toLowerCase()) return 'OWNER';
    if (world.record.collaborators[login]) return 'COLLABORATOR';
    return 'NONE';
  }
}
