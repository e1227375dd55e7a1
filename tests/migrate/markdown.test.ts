// The migrate stage's comment section and job summary, rendered as the core renders every stage's
// section and parsed as GitHub would (markdown-it): assertions are on structure, not on strings.
import { describe, expect, it } from 'vitest';
import { renderSection } from '../../src/core/comment/section.js';
import { stageContext } from '../support/stage-context.js';
import { isBalanced, parseBlocks, type Block } from '../support/markdown.js';
import { checksumOf, type MigrationFile } from '../../src/stages/migrate/files.js';
import { buildOutcome } from '../../src/stages/migrate/outcome.js';
import type { MigrateResult } from '../../src/stages/migrate/result.js';
import type { MigrateOptions } from '../../src/stages/migrate/options.js';

function file(version: string, name: string, sql: string, noTransaction = false): MigrationFile {
  return { version, name, file: `db/migrations/${version}_${name}.sql`, sql, checksum: checksumOf(sql), noTransaction };
}

const OPTIONS: MigrateOptions = {
  databaseUrl: 'postgres://app:***@db.internal:5432/app',
  dir: 'db/migrations',
  transaction: 'all',
  rollback: 'auto',
  backup: false,
  backupDir: '.shipkit/backups',
  lockTimeoutMs: 300_000,
  dryRun: true,
  allowDestructive: false,
  tool: 'shipkit',
};

function result(overrides: Partial<MigrateResult> = {}): MigrateResult {
  const files = [
    file(
      '7',
      'orders',
      'CREATE TABLE orders (id serial PRIMARY KEY);\n-- ``` a fence in a comment must not end the block\n',
    ),
    file('8', 'index', '-- shipkit:no-transaction\nCREATE INDEX CONCURRENTLY orders_id ON orders (id);', true),
    file('9', 'cleanup', 'ALTER TABLE users DROP COLUMN nickname;\nDELETE FROM sessions;'),
  ];
  return {
    startedAt: new Date('2026-01-01T00:00:00Z'),
    options: OPTIONS,
    target: {
      kind: 'postgres',
      location: 'postgres://app:s3cret@db.internal:5432/app',
      display: 'postgres://app:***@db.internal:5432/app',
    },
    rollback: 'transaction',
    files,
    gaps: [],
    history: [],
    pendingBefore: files,
    findings: [
      {
        file: 'db/migrations/9_cleanup.sql',
        line: 1,
        kind: 'drop-column',
        target: 'users.nickname',
        detail: 'DROP COLUMN users.nickname',
      },
      {
        file: 'db/migrations/9_cleanup.sql',
        line: 2,
        kind: 'delete-without-where',
        target: 'sessions',
        detail: 'DELETE FROM sessions without WHERE',
      },
    ],
    warnings: [],
    interrupted: [],
    lock: { waitedMs: 3, acquired: true },
    blocked: true,
    ...overrides,
  };
}

function rendered(r: MigrateResult): { markdown: string; blocks: Block[] } {
  const outcome = buildOutcome(r, stageContext());
  const comment = outcome.comment!;
  const markdown = renderSection(
    { title: 'Migrate', status: outcome.report.status, headline: comment.headline },
    comment,
  );
  return { markdown, blocks: parseBlocks(markdown) };
}

describe('migrate comment section', () => {
  it('a blocked plan: the heading, the blocking statements open, the plan folded in a table with no empty column', () => {
    const { markdown, blocks } = rendered(result());
    expect(isBalanced(markdown)).toBe(true);
    expect(blocks[0]).toEqual({
      type: 'heading',
      level: 4,
      text: '❌ Migrate · blocked: 2 destructive statements in 3 pending migrations; set allow-destructive: true to apply',
    });
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      text: 'Destructive statements (blocking: set allow-destructive: true to apply):',
    });
    expect(blocks[2]).toEqual({
      type: 'list',
      items: [
        'db/migrations/9_cleanup.sql:1 drop-column: DROP COLUMN users.nickname',
        'db/migrations/9_cleanup.sql:2 delete-without-where: DELETE FROM sessions without WHERE',
      ],
    });
    // The rest is folded: the plan table and each file's SQL.
    const plan = parseBlocks(markdown).find((b) => b.type === 'table');
    expect(plan).toEqual({
      type: 'table',
      header: ['Version', 'File', 'Runs', 'Analysis'],
      rows: [
        ['7', 'db/migrations/7_orders.sql', 'in the run’s transaction', 'nothing destructive'],
        ['8', 'db/migrations/8_index.sql', 'alone, outside a transaction', 'nothing destructive'],
        [
          '9',
          'db/migrations/9_cleanup.sql',
          'in the run’s transaction',
          '⚠️ drop-column (line 1), ⚠️ delete-without-where (line 2)',
        ],
      ],
    });
    expect(plan && plan.type === 'table' && plan.header.every((h) => h.trim() !== '')).toBe(true);
    const code = blocks.filter((b) => b.type === 'code').map((b) => (b as { text: string }).text);
    expect(code).toHaveLength(3);
    // The SQL keeps its ``` line inside the block: the fence is longer than any run in the text.
    expect(code[0]).toContain('-- ``` a fence in a comment must not end the block');
  });

  it('a failed run: the statement, what the rollback did and the warning are separate blocks, not swallowed by a list', () => {
    const { markdown, blocks } = rendered(
      result({
        options: { ...OPTIONS, dryRun: false, allowDestructive: true },
        blocked: false,
        applied: [],
        rolledBack: ['7'],
        failure: {
          version: '8',
          file: 'db/migrations/8_index.sql',
          line: 2,
          message: 'relation "orders" does not exist',
          partial: false,
        },
        restored: 'restored backup .shipkit/backups/x.dump: undid 7',
        warnings: ['db/migrations/8_index.sql failed part-way: the statements before line 2 stay applied'],
      }),
    );
    expect(isBalanced(markdown)).toBe(true);
    expect(blocks.slice(1, 4)).toEqual([
      { type: 'paragraph', text: '❌ db/migrations/8_index.sql:2 failed: relation "orders" does not exist' },
      { type: 'paragraph', text: 'Rollback: restored backup .shipkit/backups/x.dump: undid 7.' },
      { type: 'list', items: ['db/migrations/8_index.sql failed part-way: the statements before line 2 stay applied'] },
    ]);
    // Allowed destructive statements are not shown open; they are in the folded plan.
    expect(
      blocks.filter((b) => b.type === 'paragraph' && b.text.startsWith('Destructive statements (allowed')),
    ).toHaveLength(1);
  });

  it('a file an earlier run left unfinished: what exists, and what to do', () => {
    const { blocks } = rendered(
      result({
        blocked: false,
        findings: [],
        interrupted: [
          {
            version: '8',
            file: 'db/migrations/8_index.sql',
            startedAt: '2026-01-01T00:00:00.000Z',
            startedBy: 'https://github.com/acme/app/actions/runs/1',
            objects: [{ kind: 'index', name: 'orders_id', change: 'create', exists: true, invalid: true }],
            advice:
              "Make the database match the whole file, then delete its row: DELETE FROM shipkit_migrations WHERE version = '8'.",
          },
        ],
      }),
    );
    expect(blocks[0]).toMatchObject({
      type: 'heading',
      text: expect.stringMatching(/^❌ Migrate · stopped: db\/migrations\/8_index.sql did not finish/),
    });
    expect(blocks.slice(1, 4)).toEqual([
      {
        type: 'paragraph',
        text: '❌ db/migrations/8_index.sql did not finish in an earlier run (started 2026-01-01T00:00:00.000Z by https://github.com/acme/app/actions/runs/1).',
      },
      { type: 'list', items: ['index orders_id (the file creates it): exists, INVALID'] },
      {
        type: 'paragraph',
        text: "Make the database match the whole file, then delete its row: DELETE FROM shipkit_migrations WHERE version = '8'.",
      },
    ]);
  });

  it('text from files and errors cannot break the structure: pipes, stars, backticks and HTML stay text', () => {
    const nasty = file('7', 'a|b', 'SELECT 1;');
    const { markdown, blocks } = rendered(
      result({
        files: [nasty],
        pendingBefore: [nasty],
        findings: [
          { file: nasty.file, line: 1, kind: 'unparsed', target: '', detail: 'near `*x*` | <details> [y](z)' },
        ],
      }),
    );
    expect(isBalanced(markdown)).toBe(true);
    expect(blocks[2]).toEqual({
      type: 'list',
      items: ['db/migrations/7_a|b.sql:1 unparsed: near `*x*` | <details> [y](z)'],
    });
    const plan = parseBlocks(markdown).find((b) => b.type === 'table');
    expect(plan).toMatchObject({
      rows: [['7', 'db/migrations/7_a|b.sql', 'in the run’s transaction', '⚠️ unparsed (line 1)']],
    });
  });
});

describe('migrate job summary', () => {
  it('one heading per section, the plan and history as tables, every section balanced', () => {
    const outcome = buildOutcome(
      result({
        history: [
          {
            version: '6',
            name: 'users',
            checksum: checksumOf('x'),
            appliedAt: '2026-01-01T00:00:00.000Z',
            durationMs: 12,
            appliedBy: 'https://github.com/acme/app/actions/runs/1',
            kind: 'applied',
          },
        ],
      }),
      stageContext(),
    );
    for (const s of outcome.summary) expect(isBalanced(s.markdown)).toBe(true);
    const headings = outcome.summary.flatMap((s) => parseBlocks(s.markdown).filter((b) => b.type === 'heading'));
    expect(headings.map((h) => (h as { text: string }).text)).toEqual([
      '❌ Migrate: blocked: 2 destructive statements in 3 pending migrations; set allow-destructive: true to apply',
      'Plan',
      'History',
      'SQL',
    ]);
    const history = parseBlocks(outcome.summary[2].markdown).find((b) => b.type === 'table');
    expect(history).toEqual({
      type: 'table',
      header: ['Version', 'Name', 'Applied at', 'ms', 'By'],
      rows: [['6', 'users', '2026-01-01T00:00:00.000Z', '12', 'https://github.com/acme/app/actions/runs/1']],
    });
  });
});
