import { errorMessage, ServiceError } from '../../core/errors.js';
import type { ShipkitOctokit } from '../../core/github/octokit.js';
import { httpStatus } from '../../core/github/octokit.js';
import type { ApproverEntry } from './options.js';
import { isBot } from './votes.js';

export interface ResolvedApprovers {
  /** Who may answer: lower-cased login → login as GitHub spells it. */
  eligible: Map<string, string>;
  /** Members found per team entry (`org/team` → logins), for the request and the report. */
  teams: Map<string, string[]>;
  /** Who is assigned to the request: named users first, then team members. */
  assignees: string[];
}

/** GitHub accepts at most 10 assignees on an issue. */
export const MAX_ASSIGNEES = 10;

export function describeApprover(entry: ApproverEntry): string {
  return entry.kind === 'user' ? `@${entry.login}` : `@${entry.org}/${entry.slug}`;
}

/** Resolves users and org teams into the set of logins whose answers count. */
export async function resolveApprovers(
  octokit: ShipkitOctokit,
  entries: readonly ApproverEntry[],
): Promise<ResolvedApprovers> {
  const eligible = new Map<string, string>();
  const teams = new Map<string, string[]>();
  const add = (login: string): void => {
    if (!eligible.has(login.toLowerCase())) eligible.set(login.toLowerCase(), login);
  };
  for (const entry of entries) if (entry.kind === 'user') add(entry.login);
  for (const entry of entries) {
    if (entry.kind !== 'team') continue;
    const name = `${entry.org}/${entry.slug}`;
    let members: { login: string; type?: string }[];
    try {
      members = await octokit.paginate('GET /orgs/{org}/teams/{team_slug}/members', {
        org: entry.org,
        team_slug: entry.slug,
        per_page: 100,
      });
    } catch (error) {
      const status = httpStatus(error);
      if (status === 401 || status === 403 || status === 404) {
        // A setting to fix, not a wait to sit out: the gate ends as `error`, failed closed.
        throw new ServiceError(
          `cannot list the members of team '${name}' (HTTP ${status}: ${errorMessage(error).split('\n')[0]})`,
          'The team may not exist, or github-token cannot read it: team approvers need a token with the organization ' +
            'permission "Members: read" (a fine-grained token or a GitHub App token); the workflow\'s GITHUB_TOKEN ' +
            'cannot read team membership.',
          'approvers',
          { cause: error },
        );
      }
      throw error;
    }
    const humans = members.filter((m) => !isBot(m)).map((m) => m.login);
    teams.set(name, humans);
    humans.forEach(add);
  }
  return { eligible, teams, assignees: [...eligible.values()].slice(0, MAX_ASSIGNEES) };
}
