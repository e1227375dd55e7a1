// The event tables of docker/metadata-action's README (github.com/docker/metadata-action, README.md,
// sections "Usage › Basic" and "Usage › Semver", v5), computed from real webhook payloads
// (@octokit/webhooks-examples) read the way an action reads them: GITHUB_EVENT_PATH + GITHUB_* variables.
import { describe, expect, it } from 'vitest';
import { webhookExample } from '../../support/webhook-events.js';
import { bareTags, meta, workflowContext } from './support/meta-context.js';

const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37';

/** A push payload (a real one) pointed at `ref`. */
function pushPayload(ref: string): Record<string, unknown> {
  const payload = webhookExample('push');
  payload.ref = ref;
  return payload;
}

/**
 * GitHub's `schedule` event has no webhook, so the examples have none; what a scheduled run's
 * GITHUB_EVENT_PATH holds is `{ schedule: '<cron>' }` beside the repository, which is modelled here with
 * the push example's repository object.
 */
function schedulePayload(): Record<string, unknown> {
  return { schedule: '0 10 * * *', repository: webhookExample('push').repository };
}

interface Row {
  what: string;
  event: string;
  ref: string;
  payload: () => Record<string, unknown>;
  /** The README's "Docker Tags" column for the Basic example (no `tags` input). */
  basic: string[];
  /** The README's "Docker Tags" column for the Semver example. */
  semver?: string[];
}

const rows: Row[] = [
  {
    what: 'pull request',
    event: 'pull_request',
    ref: 'refs/pull/2/merge',
    payload: () => webhookExample('pull_request', 'opened'),
    basic: ['pr-2'],
    semver: ['pr-2'],
  },
  {
    what: 'push to a branch',
    event: 'push',
    ref: 'refs/heads/master',
    payload: () => pushPayload('refs/heads/master'),
    basic: ['master'],
    semver: ['master'],
  },
  {
    what: 'push to a branch with a slash',
    event: 'push',
    ref: 'refs/heads/releases/v1',
    payload: () => pushPayload('refs/heads/releases/v1'),
    basic: ['releases-v1'],
    semver: ['releases-v1'],
  },
  {
    what: 'push of a tag',
    event: 'push',
    ref: 'refs/tags/v1.2.3',
    payload: () => pushPayload('refs/tags/v1.2.3'),
    basic: ['v1.2.3', 'latest'],
    semver: ['1.2.3', '1.2', 'latest'],
  },
  {
    what: 'push of a pre-release tag',
    event: 'push',
    ref: 'refs/tags/v2.0.8-beta.67',
    payload: () => pushPayload('refs/tags/v2.0.8-beta.67'),
    basic: ['v2.0.8-beta.67', 'latest'],
    semver: ['2.0.8-beta.67'],
  },
  {
    what: 'workflow_dispatch',
    event: 'workflow_dispatch',
    ref: 'refs/heads/master',
    payload: () => webhookExample('workflow_dispatch'),
    basic: ['master'],
  },
  {
    // README "tags input › type=schedule": the default pattern is `nightly`. A scheduled run's ref is the
    // default branch, so the default `type=ref,event=branch` applies too (priority 600 < schedule's 1000).
    what: 'schedule',
    event: 'schedule',
    ref: 'refs/heads/master',
    payload: schedulePayload,
    basic: ['nightly', 'master'],
  },
];

const SEMVER_TAGS = `type=ref,event=branch
type=ref,event=pr
type=semver,pattern={{version}}
type=semver,pattern={{major}}.{{minor}}`;

describe('metadata-action README event tables', () => {
  it.each(rows)('$what ($event, $ref): Basic example', async (row) => {
    const ctx = await workflowContext(row.event, row.payload(), row.ref, SHA);
    const m = meta({ images: 'name/app' }, ctx);
    expect(bareTags(m)).toEqual(row.basic);
    expect(m.tags).toEqual(row.basic.map((t) => `name/app:${t}`));
    expect(m.version).toBe(row.basic[0]);
    expect(m.labels['org.opencontainers.image.version']).toBe(row.basic[0]);
    expect(m.labels['org.opencontainers.image.revision']).toBe(SHA);
  });

  it.each(rows.filter((r) => r.semver))('$what ($event, $ref): Semver example', async (row) => {
    const ctx = await workflowContext(row.event, row.payload(), row.ref, SHA);
    const m = meta({ images: 'name/app', tags: SEMVER_TAGS }, ctx);
    expect(bareTags(m)).toEqual(row.semver);
  });

  it('the pull request number comes from the payload for pull_request_target, whose ref is the base branch', async () => {
    const payload = webhookExample('pull_request', 'opened');
    const ctx = await workflowContext('pull_request_target', payload, 'refs/heads/master', SHA);
    expect(ctx.ref).toBe('refs/pull/2/merge');
    expect(meta({ images: 'name/app' }, ctx).tags).toEqual(['name/app:pr-2']);
  });

  it('labels take the repository from the payload: name, url, source, revision (README "Bake definition")', async () => {
    const payload = pushPayload('refs/tags/v1.2.3');
    // The README's example repository is octocat/Hello-World; the webhook example's is Codertocat's.
    Object.assign(payload.repository as object, {
      name: 'Hello-World',
      description: 'This your first repo!',
      html_url: 'https://github.com/octocat/Hello-World',
      license: { key: 'mit', spdx_id: 'MIT' },
    });
    const ctx = await workflowContext('push', payload, 'refs/tags/v1.2.3', SHA);
    const m = meta({ images: 'name/app', tags: `${SEMVER_TAGS}\ntype=sha` }, ctx);
    expect(m.tags).toEqual(['name/app:1.2.3', 'name/app:1.2', 'name/app:sha-860c190', 'name/app:latest']);
    expect(m.labels).toEqual({
      'org.opencontainers.image.created': '2020-01-10T00:30:00.000Z',
      'org.opencontainers.image.description': 'This your first repo!',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.source': 'https://github.com/octocat/Hello-World',
      'org.opencontainers.image.title': 'Hello-World',
      'org.opencontainers.image.url': 'https://github.com/octocat/Hello-World',
      'org.opencontainers.image.version': '1.2.3',
    });
    // Sorted by key, as metadata-action's labels output is.
    expect(Object.keys(m.labels)).toEqual([...Object.keys(m.labels)].sort());
  });

  it('several images get every tag, image by image (README "images input")', async () => {
    const ctx = await workflowContext('push', pushPayload('refs/tags/v1.2.3'), 'refs/tags/v1.2.3', SHA);
    const m = meta({ images: 'name/app\nghcr.io/name/app' }, ctx);
    expect(m.tags).toEqual([
      'name/app:v1.2.3',
      'name/app:latest',
      'ghcr.io/name/app:v1.2.3',
      'ghcr.io/name/app:latest',
    ]);
  });
});
