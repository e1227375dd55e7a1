import { describe, expect, it } from 'vitest';
import { notificationMessage, shouldNotify } from '../../src/stages/report/notification.js';
import type { StageRow } from '../../src/stages/report/report-schema.js';

const row = (stage: string, status: StageRow['status'], extra: Partial<StageRow> = {}): StageRow => ({
  stage,
  title: stage[0]?.toUpperCase() + stage.slice(1),
  status,
  headline: `${stage} headline`,
  shard: null,
  job: null,
  url: null,
  merged: 0,
  ...extra,
});

describe('notify-on', () => {
  it('failure: only a failed run; always: every run; change: a conclusion other than the previous (or none before)', () => {
    expect(shouldNotify('failure', 'fail', 'failure', undefined)).toBe(true);
    expect(shouldNotify('failure', 'warn', 'success', undefined)).toBe(false);
    expect(shouldNotify('always', 'pass', 'success', 'success')).toBe(true);
    expect(shouldNotify('change', 'pass', 'success', 'success')).toBe(false);
    expect(shouldNotify('change', 'pass', 'success', 'failure')).toBe(true);
    expect(shouldNotify('change', 'fail', 'failure', undefined)).toBe(true);
  });

  it('one message: the verdict with its links, then each stage (shards by label) with its status and link', () => {
    const m = notificationMessage(
      'fail',
      [row('test', 'pass', { merged: 4 }), row('scan', 'fail', { shard: 'api', url: 'https://x/run' })],
      {
        repository: 'acme/app',
        subject: 'main',
        runUrl: 'https://github.com/acme/app/actions/runs/1',
        checkUrl: 'https://github.com/acme/app/runs/2',
      },
    );
    expect(m.text.split('\n')).toEqual([
      '❌ shipkit failed: acme/app main',
      '✅ Test: test headline',
      '❌ Scan (api): scan headline',
      'Run: https://github.com/acme/app/actions/runs/1',
      'Check: https://github.com/acme/app/runs/2',
    ]);
    expect(m.attachments).toEqual([
      expect.objectContaining({ title: '✅ Test', color: '#2eb67d' }),
      expect.objectContaining({ title: '❌ Scan (api)', title_link: 'https://x/run', color: '#e01e5a' }),
    ]);
  });
});
