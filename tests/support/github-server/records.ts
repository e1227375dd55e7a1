/** The server's in-memory world: plain records that objects.ts renders as GitHub's JSON. */

export type AuthorAssociation =
  'COLLABORATOR' | 'CONTRIBUTOR' | 'FIRST_TIMER' | 'FIRST_TIME_CONTRIBUTOR' | 'MANNEQUIN' | 'MEMBER' | 'NONE' | 'OWNER';

export interface UserRecord {
  id: number;
  login: string;
  type: 'User' | 'Bot' | 'Organization';
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  defaultBranch: string;
  createdAt: string;
  /** Branch or tag name → commit SHA, used to resolve deployment refs. */
  refs: Record<string, string>;
  /** login → permission, for GET collaborators/{username}/permission. */
  collaborators: Record<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read'>;
}

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  user: string;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  labels: string[];
  isPull: boolean;
  authorAssociation: AuthorAssociation;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  user: string;
  body: string;
  authorAssociation: AuthorAssociation;
  createdAt: string;
  updatedAt: string;
}

export interface FileRecord {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions: number;
  deletions: number;
  patch?: string;
  previousFilename?: string;
}

export interface PullRecord {
  number: number;
  head: string;
  headSha: string;
  base: string;
  baseSha: string;
  draft: boolean;
  files: FileRecord[];
}

export interface CommitRecord {
  sha: string;
  message: string;
  authorName: string;
  authorEmail: string;
  /** GitHub login of the author, when the commit is linked to an account. */
  authorLogin?: string;
  date: string;
  parents: string[];
}

export interface ComparisonRecord {
  base: string;
  head: string;
  commits: CommitRecord[];
  files: FileRecord[];
  behindBy: number;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  creator: string;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  createdAt: string;
  updatedAt: string;
}

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';

export interface DeploymentStatusRecord {
  id: number;
  deploymentId: number;
  state: DeploymentState;
  creator: string;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  createdAt: string;
}

export interface TeamRecord {
  org: string;
  slug: string;
  members: string[];
}
