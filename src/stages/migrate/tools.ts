import type { DatabaseTarget } from './database-url.js';

export const TOOLS = ['shipkit', 'knex', 'alembic', 'goose', 'golang-migrate', 'prisma', 'flyway', 'custom'] as const;
export type ToolName = (typeof TOOLS)[number];

export interface ToolCommands {
  status?: string;
  apply: string;
}

/** JDBC form of a postgres/mysql URL, for Flyway (credentials go in FLYWAY_USER/FLYWAY_PASSWORD). */
function jdbc(target: DatabaseTarget): string {
  const u = new URL(target.location);
  const kind = target.kind === 'mysql' ? (u.protocol === 'mariadb:' ? 'mariadb' : 'mysql') : 'postgresql';
  return `jdbc:${kind}://${u.host}${u.pathname}`;
}

function gooseDriver(target: DatabaseTarget): string {
  return { postgres: 'postgres', mysql: 'mysql', sqlite: 'sqlite3', pglite: 'postgres' }[target.kind];
}

/** goose's mysql driver wants a Go DSN: user:pass@tcp(host:port)/db. */
function gooseDsn(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return target.location;
  if (target.kind !== 'mysql') return target.location;
  const u = new URL(target.location);
  const auth = u.username
    ? `${decodeURIComponent(u.username)}${u.password ? `:${decodeURIComponent(u.password)}` : ''}@`
    : '';
  return `${auth}tcp(${u.hostname}:${u.port || '3306'})${u.pathname}?parseTime=true&multiStatements=true`;
}

/**
 * Each tool's own status and apply commands. They run through `sh -c` in the working directory with
 * the database in the environment (DATABASE_URL and the tool's own variables), never on the command
 * line, so the URL does not show in `ps` or the log.
 */
export function toolCommands(tool: Exclude<ToolName, 'shipkit'>, dir: string): ToolCommands {
  switch (tool) {
    case 'knex':
      return { status: 'npx --no-install knex migrate:status', apply: 'npx --no-install knex migrate:latest' };
    case 'alembic':
      return { status: 'alembic current', apply: 'alembic upgrade head' };
    case 'goose':
      return { status: `goose -dir '${dir}' status`, apply: `goose -dir '${dir}' up` };
    case 'golang-migrate':
      return {
        status: `migrate -path '${dir}' -database "$DATABASE_URL" version`,
        apply: `migrate -path '${dir}' -database "$DATABASE_URL" up`,
      };
    case 'prisma':
      return { status: 'npx --no-install prisma migrate status', apply: 'npx --no-install prisma migrate deploy' };
    case 'flyway':
      return { status: 'flyway info', apply: 'flyway migrate' };
    case 'custom':
      return { apply: '' };
  }
}

export function toolEnv(tool: ToolName, target: DatabaseTarget): Record<string, string> {
  const env: Record<string, string> = {
    DATABASE_URL: target.kind === 'sqlite' ? `sqlite:${target.location}` : target.location,
  };
  if (tool === 'goose') {
    env.GOOSE_DRIVER = gooseDriver(target);
    env.GOOSE_DBSTRING = gooseDsn(target);
  }
  if (tool === 'flyway' && (target.kind === 'postgres' || target.kind === 'mysql')) {
    const u = new URL(target.location);
    env.FLYWAY_URL = jdbc(target);
    env.FLYWAY_USER = decodeURIComponent(u.username);
    env.FLYWAY_PASSWORD = decodeURIComponent(u.password);
  }
  return env;
}
