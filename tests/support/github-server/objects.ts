import { createHash } from 'node:crypto';
import type { CommentRecord, CommitRecord, DeploymentRecord, DeploymentStatusRecord, IssueRecord } from './records.js';
import type { CheckRunRecord } from './state.js';
import type { FileRecord, PullRecord, RepoRecord, UserRecord } from './records.js';

/**
 * Turns the server's records into the objects GitHub returns, complete enough to pass the
 * documented response schemas (every required field, with the right types and nullability).
 */
export const HTML_URL = 'https://github.com';

export function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
}

export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

export class ObjectBuilder {
  constructor(private readonly api: string) {}

  user(u: UserRecord): Record<string, unknown> {
    const url = `${this.api}/users/${u.login}`;
    return {
      login: u.login,
      id: u.id,
      node_id: nodeId(u.type === 'Bot' ? 'BOT' : 'U', u.id),
      avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
      gravatar_id: '',
      url,
      html_url: u.type === 'Bot' ? `${HTML_URL}/apps/${u.login.replace(/\[bot\]$/, '')}` : `${HTML_URL}/${u.login}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: u.type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  repository(r: RepoRecord, owner: UserRecord): Record<string, unknown> {
    const url = `${this.api}/repos/${r.owner}/${r.name}`;
    const html = `${HTML_URL}/${r.owner}/${r.name}`;
    return {
      id: r.id,
      node_id: nodeId('R', r.id),
      name: r.name,
      full_name: `${r.owner}/${r.name}`,
      owner: this.user(owner),
      private: r.private,
      html_url: html,
      description: null,
      fork: false,
      url,
      archive_url: `${url}/{archive_format}{/ref}`,
      assignees_url: `${url}/assignees{/user}`,
      blobs_url: `${url}/git/blobs{/sha}`,
      branches_url: `${url}/branches{/branch}`,
      collaborators_url: `${url}/collaborators{/collaborator}`,
      comments_url: `${url}/comments{/number}`,
      commits_url: `${url}/commits{/sha}`,
      compare_url: `${url}/compare/{base}...{head}`,
      contents_url: `${url}/contents/{+path}`,
      contributors_url: `${url}/contributors`,
      deployments_url: `${url}/deployments`,
      downloads_url: `${url}/downloads`,
      events_url: `${url}/events`,
      forks_url: `${url}/forks`,
      git_commits_url: `${url}/git/commits{/sha}`,
      git_refs_url: `${url}/git/refs{/sha}`,
      git_tags_url: `${url}/git/tags{/sha}`,
      git_url: `git://github.com/${r.owner}/${r.name}.git`,
      hooks_url: `${url}/hooks`,
      issue_comment_url: `${url}/issues/comments{/number}`,
      issue_events_url: `${url}/issues/events{/number}`,
      issues_url: `${url}/issues{/number}`,
      keys_url: `${url}/keys{/key_id}`,
      labels_url: `${url}/labels{/name}`,
      languages_url: `${url}/languages`,
      merges_url: `${url}/merges`,
      milestones_url: `${url}/milestones{/number}`,
      notifications_url: `${url}/notifications{?since,all,participating}`,
      pulls_url: `${url}/pulls{/number}`,
      releases_url: `${url}/releases{/id}`,
      ssh_url: `git@github.com:${r.owner}/${r.name}.git`,
      stargazers_url: `${url}/stargazers`,
      statuses_url: `${url}/statuses/{sha}`,
      subscribers_url: `${url}/subscribers`,
      subscription_url: `${url}/subscription`,
      tags_url: `${url}/tags`,
      teams_url: `${url}/teams`,
      trees_url: `${url}/git/trees{/sha}`,
      clone_url: `${html}.git`,
      mirror_url: null,
      svn_url: html,
      homepage: null,
      language: null,
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 0,
      default_branch: r.defaultBranch,
      open_issues: 0,
      open_issues_count: 0,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      archived: false,
      disabled: false,
      visibility: r.private ? 'private' : 'public',
      license: null,
      pushed_at: r.createdAt,
      created_at: r.createdAt,
      updated_at: r.createdAt,
      allow_forking: true,
      web_commit_signoff_required: false,
    };
  }

  reactions(url: string): Record<string, unknown> {
    return {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    };
  }

  issue(r: RepoRecord, i: IssueRecord, author: UserRecord, commentCount: number): Record<string, unknown> {
    const repoUrl = `${this.api}/repos/${r.owner}/${r.name}`;
    const url = `${repoUrl}/issues/${i.number}`;
    const html = `${HTML_URL}/${r.owner}/${r.name}/${i.isPull ? 'pull' : 'issues'}/${i.number}`;
    return {
      id: i.id,
      node_id: nodeId(i.isPull ? 'PR' : 'I', i.id),
      url,
      repository_url: repoUrl,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: html,
      number: i.number,
      state: i.state,
      state_reason: i.stateReason,
      title: i.title,
      body: i.body,
      user: this.user(author),
      labels: i.labels.map((name, index) => ({
        id: i.id * 100 + index,
        node_id: nodeId('LA', i.id * 100 + index),
        url: `${repoUrl}/labels/${encodeURIComponent(name)}`,
        name,
        description: null,
        color: 'ededed',
        default: false,
      })),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: commentCount,
      ...(i.isPull
        ? {
            pull_request: {
              url: `${repoUrl}/pulls/${i.number}`,
              html_url: html,
              diff_url: `${html}.diff`,
              patch_url: `${html}.patch`,
              merged_at: null,
            },
          }
        : {}),
      closed_at: i.closedAt,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      closed_by: null,
      author_association: i.authorAssociation,
      reactions: this.reactions(url),
    };
  }

  comment(r: RepoRecord, c: CommentRecord, author: UserRecord, isPull: boolean): Record<string, unknown> {
    const repoUrl = `${this.api}/repos/${r.owner}/${r.name}`;
    const url = `${repoUrl}/issues/comments/${c.id}`;
    return {
      id: c.id,
      node_id: nodeId('IC', c.id),
      url,
      html_url: `${HTML_URL}/${r.owner}/${r.name}/${isPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
      body: c.body,
      user: this.user(author),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      issue_url: `${repoUrl}/issues/${c.issueNumber}`,
      author_association: c.authorAssociation,
      performed_via_github_app: null,
      reactions: this.reactions(url),
    };
  }

  diffEntry(r: RepoRecord, headSha: string, f: FileRecord): Record<string, unknown> {
    const path = f.filename.split('/').map(encodeURIComponent).join('/');
    const sha = fakeSha(`${f.filename}:${headSha}`);
    return {
      sha,
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.additions + f.deletions,
      blob_url: `${HTML_URL}/${r.owner}/${r.name}/blob/${headSha}/${path}`,
      raw_url: `${HTML_URL}/${r.owner}/${r.name}/raw/${headSha}/${path}`,
      contents_url: `${this.api}/repos/${r.owner}/${r.name}/contents/${path}?ref=${headSha}`,
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
      ...(f.previousFilename !== undefined ? { previous_filename: f.previousFilename } : {}),
    };
  }

  pull(
    r: RepoRecord,
    owner: UserRecord,
    p: PullRecord,
    issue: IssueRecord,
    author: UserRecord,
    commentCount: number,
  ): Record<string, unknown> {
    const repoUrl = `${this.api}/repos/${r.owner}/${r.name}`;
    const url = `${repoUrl}/pulls/${p.number}`;
    const html = `${HTML_URL}/${r.owner}/${r.name}/pull/${p.number}`;
    const repo = this.repository(r, owner);
    const branch = (ref: string, sha: string) => ({
      label: `${r.owner}:${ref}`,
      ref,
      sha,
      user: this.user(owner),
      repo,
    });
    const link = (href: string) => ({ href });
    const additions = p.files.reduce((n, f) => n + f.additions, 0);
    const deletions = p.files.reduce((n, f) => n + f.deletions, 0);
    return {
      url,
      id: issue.id,
      node_id: nodeId('PR', issue.id),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${repoUrl}/issues/${p.number}`,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${repoUrl}/pulls/comments{/number}`,
      comments_url: `${repoUrl}/issues/${p.number}/comments`,
      statuses_url: `${repoUrl}/statuses/${p.headSha}`,
      number: p.number,
      state: issue.state,
      locked: false,
      title: issue.title,
      user: this.user(author),
      body: issue.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_at: issue.closedAt,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: branch(p.head, p.headSha),
      base: branch(p.base, p.baseSha),
      _links: {
        self: link(url),
        html: link(html),
        issue: link(`${repoUrl}/issues/${p.number}`),
        comments: link(`${repoUrl}/issues/${p.number}/comments`),
        review_comments: link(`${url}/comments`),
        review_comment: link(`${repoUrl}/pulls/comments{/number}`),
        commits: link(`${url}/commits`),
        statuses: link(`${repoUrl}/statuses/${p.headSha}`),
      },
      author_association: issue.authorAssociation,
      auto_merge: null,
      draft: p.draft,
      merged: false,
      mergeable: true,
      rebaseable: true,
      mergeable_state: 'clean',
      merged_by: null,
      comments: commentCount,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: 1,
      additions,
      deletions,
      changed_files: p.files.length,
    };
  }

  commit(r: RepoRecord, c: CommitRecord, author: UserRecord | undefined): Record<string, unknown> {
    const repoUrl = `${this.api}/repos/${r.owner}/${r.name}`;
    const signature = { name: c.authorName, email: c.authorEmail, date: c.date };
    return {
      url: `${repoUrl}/commits/${c.sha}`,
      sha: c.sha,
      node_id: nodeId('C', parseInt(c.sha.slice(0, 8), 16)),
      html_url: `${HTML_URL}/${r.owner}/${r.name}/commit/${c.sha}`,
      comments_url: `${repoUrl}/commits/${c.sha}/comments`,
      commit: {
        url: `${repoUrl}/git/commits/${c.sha}`,
        author: signature,
        committer: signature,
        message: c.message,
        comment_count: 0,
        tree: { sha: fakeSha(`tree:${c.sha}`), url: `${repoUrl}/git/trees/${fakeSha(`tree:${c.sha}`)}` },
        verification: { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null },
      },
      author: author ? this.user(author) : null,
      committer: author ? this.user(author) : null,
      parents: c.parents.map((sha) => ({
        sha,
        url: `${repoUrl}/commits/${sha}`,
        html_url: `${HTML_URL}/${r.owner}/${r.name}/commit/${sha}`,
      })),
    };
  }

  deployment(r: RepoRecord, d: DeploymentRecord, creator: UserRecord): Record<string, unknown> {
    const repoUrl = `${this.api}/repos/${r.owner}/${r.name}`;
    const url = `${repoUrl}/deployments/${d.id}`;
    return {
      url,
      id: d.id,
      node_id: nodeId('DE', d.id),
      sha: d.sha,
      ref: d.ref,
      task: d.task,
      payload: d.payload,
      original_environment: d.environment,
      environment: d.environment,
      description: d.description,
      creator: this.user(creator),
      created_at: d.createdAt,
      updated_at: d.updatedAt,
      statuses_url: `${url}/statuses`,
      repository_url: repoUrl,
      transient_environment: d.transientEnvironment,
      production_environment: d.productionEnvironment,
      performed_via_github_app: null,
    };
  }

  deploymentStatus(r: RepoRecord, s: DeploymentStatusRecord, creator: UserRecord): Record<string, unknown> {
    const repoUrl = `${this.api}/repos/${r.owner}/${r.name}`;
    const deploymentUrl = `${repoUrl}/deployments/${s.deploymentId}`;
    return {
      url: `${deploymentUrl}/statuses/${s.id}`,
      id: s.id,
      node_id: nodeId('DES', s.id),
      state: s.state,
      creator: this.user(creator),
      description: s.description,
      environment: s.environment,
      target_url: s.targetUrl,
      created_at: s.createdAt,
      updated_at: s.createdAt,
      deployment_url: deploymentUrl,
      repository_url: repoUrl,
      environment_url: s.environmentUrl,
      log_url: s.logUrl,
      performed_via_github_app: null,
    };
  }

  checkRun(r: RepoRecord, c: CheckRunRecord): Record<string, unknown> {
    const url = `${this.api}/repos/${r.owner}/${r.name}/check-runs/${c.id}`;
    return {
      id: c.id,
      head_sha: c.headSha,
      node_id: nodeId('CR', c.id),
      external_id: c.externalId,
      url,
      html_url: `${HTML_URL}/${r.owner}/${r.name}/runs/${c.id}`,
      details_url: c.detailsUrl,
      status: c.status,
      conclusion: c.conclusion,
      started_at: c.startedAt,
      completed_at: c.completedAt,
      output: {
        title: c.title,
        summary: c.summary,
        text: c.text,
        annotations_count: c.annotations.length,
        annotations_url: `${url}/annotations`,
      },
      name: c.name,
      check_suite: { id: c.id + 1_000_000 },
      app: null,
      pull_requests: [],
    };
  }
}
