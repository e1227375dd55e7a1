import type { GitContext } from '../git-context.js';
import { render } from './expressions.js';
import type { InputRef } from './input-list.js';

/**
 * The OCI annotation keys metadata-action sets as labels, then the user's `labels` (rendered with the
 * global expressions) overriding any of the same key; entries without `=` are dropped and the result is
 * sorted by key, as metadata-action does.
 */
export function ociLabels(
  ctx: GitContext,
  version: string,
  now: Date,
  custom: readonly string[],
  globalData: object,
  input: InputRef,
): Record<string, string> {
  const repo = ctx.repository;
  const lines = [
    `org.opencontainers.image.title=${repo.name}`,
    `org.opencontainers.image.description=${repo.description}`,
    `org.opencontainers.image.url=${repo.htmlUrl}`,
    `org.opencontainers.image.source=${repo.htmlUrl}`,
    `org.opencontainers.image.version=${version}`,
    `org.opencontainers.image.created=${now.toISOString()}`,
    `org.opencontainers.image.revision=${ctx.sha}`,
    `org.opencontainers.image.licenses=${repo.license}`,
    ...custom.map((label) => render(label, globalData, input)),
  ];
  const byKey = new Map<string, string>();
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    byKey.set(line.slice(0, eq), line.slice(eq + 1));
  }
  // fromEntries defines own properties, so a user's `__proto__=…` label stays a label.
  return Object.fromEntries([...byKey.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')));
}

/** metadata-action's `labels` output: one `key=value` per line, in key order. */
export const labelLines = (labels: Record<string, string>): string[] =>
  Object.entries(labels).map(([key, value]) => `${key}=${value}`);
