import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Schema and data of a PostgreSQL database, as pg_dump prints them (ownership aside). */
export function postgresFingerprint(url: string, opts: { withoutHistory?: boolean } = {}): string {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const exclude = opts.withoutHistory ? ['--exclude-table=shipkit_migrations'] : [];
  const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', ...exclude, '--dbname', u.toString()], {
    encoding: 'utf8',
    env: { ...process.env, PGPASSWORD: password },
  });
  // Newer pg_dump brackets its output with \restrict / \unrestrict and a random key. Sequence
  // positions are left out: nextval() is never rolled back, by PostgreSQL's design.
  // Rows of a COPY block in order, not in the heap's physical order (an UPDATE moves a row).
  const sorted = dump.replace(
    /^(COPY .* FROM stdin;\n)([\s\S]*?)^\\\.$/gm,
    (_m, head: string, rows: string) => `${head}${rows.split('\n').filter(Boolean).sort().join('\n')}\n\\.`,
  );
  return sha(
    sorted
      .replace(/^-- Dumped (from|by).*$/gm, '')
      .replace(/^\\(un)?restrict .*$/gm, '')
      .replace(/^SELECT pg_catalog\.setval\(.*$/gm, ''),
  );
}

/** Schema and data of a MariaDB database; AUTO_INCREMENT counters left out (InnoDB does not roll them back). */
export function mariadbFingerprint(url: string, opts: { withoutHistory?: boolean } = {}): string {
  const u = new URL(url);
  const database = u.pathname.slice(1);
  const dump = execFileSync(
    'mysqldump',
    [
      '--no-defaults',
      '-h',
      u.hostname,
      '-P',
      u.port,
      '-u',
      decodeURIComponent(u.username),
      '--skip-dump-date',
      '--skip-comments',
      '--order-by-primary',
      '--routines',
      '--triggers',
      ...(opts.withoutHistory ? [`--ignore-table=${database}.shipkit_migrations`] : []),
      database,
    ],
    { encoding: 'utf8', env: { ...process.env, MYSQL_PWD: decodeURIComponent(u.password) } },
  );
  return sha(dump.replace(/ AUTO_INCREMENT=\d+/g, ''));
}

/** For embedded databases: every table's definition and rows, through a query function. */
export async function queryFingerprint(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
  dialect: 'postgres' | 'sqlite',
  opts: { withoutHistory?: boolean } = {},
): Promise<string> {
  const tables =
    dialect === 'postgres'
      ? await query(
          `SELECT table_name AS t, string_agg(column_name || ' ' || data_type || ' ' || is_nullable, ', ' ORDER BY ordinal_position) AS d
             FROM information_schema.columns WHERE table_schema = 'public' GROUP BY table_name ORDER BY table_name`,
        )
      : await query(
          `SELECT name AS t, sql AS d FROM sqlite_master WHERE type IN ('table','index') AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        );
  const parts: string[] = [];
  for (const { t, d } of tables) {
    if (opts.withoutHistory && t === 'shipkit_migrations') continue;
    parts.push(`${String(t)}: ${String(d)}`);
    const rows = await query(`SELECT * FROM ${dialect === 'postgres' ? `"${String(t)}"` : `"${String(t)}"`}`).catch(
      () => [],
    );
    parts.push(...rows.map((r) => JSON.stringify(r)).sort());
  }
  if (dialect === 'postgres') {
    const idx = await query(
      `SELECT indexname AS i, indexdef AS d FROM pg_indexes WHERE schemaname = 'public'${opts.withoutHistory ? " AND tablename <> 'shipkit_migrations'" : ''} ORDER BY indexname`,
    );
    parts.push(...idx.map((r) => `${String(r.i)} ${String(r.d)}`));
  }
  return sha(parts.join('\n'));
}
