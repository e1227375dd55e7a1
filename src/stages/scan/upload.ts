import { gzipSync } from 'node:zlib';
import type { StageContext } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import type { SarifLog } from './sarif-out.js';

/**
 * `upload-sarif: true`: POST /repos/{owner}/{repo}/code-scanning/sarifs with the SARIF gzipped and
 * base64-encoded, for the commit and ref of this run. Needs `security-events: write`; a 403 or an
 * unreachable API is classified by the core (ServiceError), not shown as a bug.
 */
export async function uploadSarif(log: SarifLog, ctx: StageContext): Promise<{ id: string | null }> {
  const gh = ctx.github;
  if (!gh)
    throw new UserError('upload-sarif needs a GitHub token and repository (GITHUB_TOKEN, GITHUB_REPOSITORY)', {
      input: 'upload-sarif',
    });
  const sha = gh.sha ?? ctx.env.GITHUB_SHA;
  const ref = gh.ref ?? ctx.env.GITHUB_REF;
  if (!sha || !ref)
    throw new UserError('upload-sarif needs the commit and ref of the run (GITHUB_SHA, GITHUB_REF)', {
      input: 'upload-sarif',
    });
  const sarif = gzipSync(JSON.stringify(log)).toString('base64');
  const res = await gh.octokit.rest.codeScanning.uploadSarif({
    owner: gh.owner,
    repo: gh.repo,
    commit_sha: sha,
    ref,
    sarif,
    tool_name: 'shipkit',
  });
  return { id: typeof res.data.id === 'string' ? res.data.id : null };
}
