import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../../core/errors.js';
import { execFile } from '../exec.js';
import { backupStamp, type Backup } from './types.js';

/** The client options in a 0600 file (--defaults-extra-file), so the password is never on a command line. */
async function clientOptions(url: string): Promise<{ args: string[]; database: string; cleanup: () => Promise<void> }> {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database)
    throw new UserError('the MySQL URL names no database (mysql://user:pass@host/DB)', { input: 'database-url' });
  const file = path.join(os.tmpdir(), `shipkit-my-${process.pid}-${Date.now()}.cnf`);
  const lines = [
    '[client]',
    `host=${u.hostname || '127.0.0.1'}`,
    `port=${u.port || '3306'}`,
    `user=${decodeURIComponent(u.username)}`,
  ];
  if (u.password) lines.push(`password="${decodeURIComponent(u.password).replace(/(["\\])/g, '\\$1')}"`);
  await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { args: [`--defaults-extra-file=${file}`], database, cleanup: () => rm(file, { force: true }) };
}

/**
 * mysqldump --single-transaction before the run; restoring it with --add-drop-database drops the
 * database and recreates it, so what the failed run created goes too.
 */
export async function mysqlDumpBackup(location: string, dir: string, env: NodeJS.ProcessEnv): Promise<Backup> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `shipkit-${backupStamp()}.sql`);
  const { args, database, cleanup } = await clientOptions(location);
  try {
    const r = await execFile(
      'mysqldump',
      [
        ...args,
        '--single-transaction',
        '--routines',
        '--triggers',
        '--events',
        '--add-drop-database',
        `--result-file=${file}`,
        '--databases',
        database,
      ],
      { env },
    );
    if (r.code !== 0) throw new UserError(`mysqldump failed (exit ${r.code}): ${r.stderr.trim()}`, { input: 'backup' });
  } finally {
    await cleanup();
  }
  return {
    path: file,
    restore: async () => {
      const client = await clientOptions(location);
      try {
        const r = await execFile('mysql', client.args, { stdinFile: file, env });
        if (r.code !== 0) throw new Error(`mysql restore failed (exit ${r.code}): ${r.stderr.trim()}`);
      } finally {
        await client.cleanup();
      }
    },
  };
}
