import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface WebhookEntry {
  name: string;
  examples: Record<string, unknown>[];
}

let cache: WebhookEntry[] | undefined;

/**
 * A real webhook payload from @octokit/webhooks-examples (what GitHub sends), deep-copied so the
 * test can point it at its own repository and PR without touching the shared fixture.
 */
export function webhookExample(event: string, action?: string): Record<string, unknown> {
  cache ??= require('@octokit/webhooks-examples') as WebhookEntry[];
  const entry = cache.find((e) => e.name === event);
  if (!entry) throw new Error(`no webhook examples for event '${event}'`);
  const example = entry.examples.find((e) => action === undefined || e.action === action);
  if (!example) throw new Error(`no '${event}' example with action '${action}'`);
  return structuredClone(example);
}

/** A pull_request payload retargeted at owner/repo#number with the given base and head. */
export function pullRequestEvent(opts: {
  owner: string;
  repo: string;
  number: number;
  baseRef?: string;
  baseSha?: string;
  headRef?: string;
  headSha?: string;
  action?: string;
}): Record<string, unknown> {
  const payload = webhookExample('pull_request', opts.action ?? 'opened');
  const pr = payload.pull_request as Record<string, any>;
  const repository = payload.repository as Record<string, any>;
  pr.number = opts.number;
  payload.number = opts.number;
  repository.name = opts.repo;
  repository.full_name = `${opts.owner}/${opts.repo}`;
  repository.owner.login = opts.owner;
  pr.base.ref = opts.baseRef ?? 'main';
  if (opts.baseSha) pr.base.sha = opts.baseSha;
  pr.head.ref = opts.headRef ?? 'feature';
  if (opts.headSha) pr.head.sha = opts.headSha;
  return payload;
}
