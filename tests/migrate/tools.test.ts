import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postgresFingerprint } from './support/fingerprint.js';
import { context, migrate, migrations, project } from './support/harness.js';
import { startPostgres, type Server } from './support/servers.js';
import { pgQuery } from './support/query.js';

let server: Server;
let db: string;
let counter = 0;

const sql = pgQuery;

beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  const name = `tool${++counter}`;
  await sql(server.url, `CREATE DATABASE ${name}`);
  db = server.url.replace(/\/postgres$/, `/${name}`);
});

function put(cwd: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(cwd, rel)), { recursive: true });
  writeFileSync(path.join(cwd, rel), text);
}

function knexProject(migrationsJs: Record<string, string>): string {
  const { cwd } = project({});
  // knex is a devDependency of shipkit itself: the project borrows its node_modules.
  symlinkSync(path.resolve('node_modules'), path.join(cwd, 'node_modules'));
  put(
    cwd,
    'knexfile.js',
    "module.exports = { client: 'pg', connection: process.env.DATABASE_URL, migrations: { directory: './knex' } };\n",
  );
  for (const [name, text] of Object.entries(migrationsJs)) put(cwd, `knex/${name}`, text);
  return cwd;
}

const KNEX_USERS = `exports.up = (knex) => knex.schema.createTable('users', (t) => { t.increments('id'); t.string('email').notNullable(); });
exports.down = (knex) => knex.schema.dropTable('users');
`;

describe('tool: other migration tools inside shipkit’s wrapper', () => {
  it('knex: runs migrate:latest under the lock and records its status before and after', async () => {
    const cwd = knexProject({ '20240101000000_users.js': KNEX_USERS });
    const outcome = await migrate(cwd, { 'database-url': db, tool: 'knex', dir: 'knex', rollback: 'none' });
    expect(outcome.report.status, JSON.stringify(outcome.report.migrations)).toBe('pass');
    const run = (
      outcome.report.migrations as { toolRun: { statusBefore: string; statusAfter: string; applyCommand: string } }
    ).toolRun;
    expect(run.applyCommand).toBe('npx --no-install knex migrate:latest');
    expect(run.statusBefore).toMatch(/1 Pending Migration/);
    expect(run.statusAfter).toMatch(/No Pending Migration/);
    expect(
      await sql(db, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'users'"),
    ).toEqual([{ n: 1 }]);
  });

  it('knex: a failed apply is rolled back from the backup taken before it', async () => {
    const cwd = knexProject({ '20240101000000_users.js': KNEX_USERS });
    await migrate(cwd, { 'database-url': db, tool: 'knex', dir: 'knex', rollback: 'none' });
    await sql(db, "INSERT INTO users (email) VALUES ('a@example.com')");
    const before = postgresFingerprint(db);
    // knex runs each file in its own transaction: the first commits, the second fails.
    put(
      cwd,
      'knex/20240102000000_orders.js',
      "exports.up = (knex) => knex.schema.createTable('orders', (t) => { t.increments('id'); });\nexports.down = () => {};\n",
    );
    put(
      cwd,
      'knex/20240103000000_bad.js',
      "exports.config = { transaction: false };\nexports.up = async (knex) => { await knex('users').update({ email: 'x' }); await knex.raw('SELECT * FROM missing'); };\nexports.down = () => {};\n",
    );
    const outcome = await migrate(cwd, { 'database-url': db, tool: 'knex', dir: 'knex' });
    expect(outcome.report.status).toBe('fail');
    expect(migrations(outcome).restored).toMatch(/^backup .*\.dump$/);
    expect(postgresFingerprint(db)).toBe(before);
  });

  it('alembic: upgrade head, with the database URL from the environment', async () => {
    const { cwd } = project({});
    put(cwd, 'alembic.ini', '[alembic]\nscript_location = alembic\n');
    put(
      cwd,
      'alembic/env.py',
      `import os
from alembic import context
from sqlalchemy import create_engine
url = os.environ["DATABASE_URL"].replace("postgres://", "postgresql+psycopg2://", 1)
with create_engine(url).connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
`,
    );
    put(cwd, 'alembic/script.py.mako', '');
    put(
      cwd,
      'alembic/versions/0001_users.py',
      `from alembic import op
import sqlalchemy as sa
revision = "0001"
down_revision = None
def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer, primary_key=True))
def downgrade():
    op.drop_table("users")
`,
    );
    const outcome = await migrate(cwd, { 'database-url': db, tool: 'alembic', dir: 'alembic', rollback: 'none' });
    expect(outcome.report.status).toBe('pass');
    expect(await sql(db, 'SELECT version_num FROM alembic_version')).toEqual([{ version_num: '0001' }]);
    const run = (outcome.report.migrations as { toolRun: { statusAfter: string } }).toolRun;
    expect(run.statusAfter).toMatch(/0001 \(head\)/);
  });

  it('goose: up through GOOSE_DRIVER / GOOSE_DBSTRING', async () => {
    const { cwd } = project({});
    put(
      cwd,
      'db/00001_users.sql',
      '-- +goose Up\nCREATE TABLE users (id int PRIMARY KEY);\n-- +goose Down\nDROP TABLE users;\n',
    );
    const outcome = await migrate(cwd, { 'database-url': db, tool: 'goose', dir: 'db', rollback: 'none' });
    expect(outcome.report.status, JSON.stringify(outcome.report.migrations)).toBe('pass');
    expect(await sql(db, 'SELECT max(version_id)::int AS v FROM goose_db_version')).toEqual([{ v: 1 }]);
    const run = (outcome.report.migrations as { toolRun: { statusBefore: string } }).toolRun;
    expect(run.statusBefore).toMatch(/Pending\s+-- 00001_users.sql/);
  });
});

describe('tool: the environment a migration tool gets', () => {
  it('is what a run: step would see plus the database: no action inputs, no runner credentials', async () => {
    const { cwd } = project({});
    const ctx = context(cwd, {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        'INPUT_GITHUB-TOKEN': 'ghs_input_token_value',
        'INPUT_DATABASE-URL': db,
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token-value',
        GITHUB_TOKEN: 'passed-through-env',
      },
    });
    const outcome = await migrate(
      cwd,
      {
        'database-url': db,
        tool: 'custom',
        'tool-command': 'env | cut -d= -f1 | sort; echo "url given: ${DATABASE_URL:+yes}"',
        rollback: 'none',
      },
      ctx,
    );
    const output = (outcome.report.migrations as { toolRun: { output: string } }).toolRun.output;
    const names = output.split('\n');
    expect(names).not.toContain('INPUT_GITHUB-TOKEN');
    expect(names).not.toContain('INPUT_DATABASE-URL');
    expect(names).not.toContain('ACTIONS_RUNTIME_TOKEN');
    expect(names).not.toContain('ACTIONS_ID_TOKEN_REQUEST_TOKEN');
    // What the user put in the step's env: stays, as in a run: step.
    expect(names).toContain('GITHUB_TOKEN');
    expect(names).toContain('SHIPKIT_MIGRATIONS_DIR');
    expect(output).toContain('url given: yes');
    expect(output).not.toMatch(/ghs_input_token_value|runtime-token-value|oidc-token-value/);
  });
});
