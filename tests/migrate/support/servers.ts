import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execTool } from '../../support/run-tool.js';

/** A throwaway database server on 127.0.0.1, in a temp directory, stopped by `stop()`. */
export interface Server {
  url: string;
  /** URL of a second login with the same rights, for a concurrent session. */
  stop(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Root may not run either server: the data directory belongs to the service user, who runs them. */
function asUser(user: string, command: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args];
}

async function chownTree(dir: string, user: string): Promise<void> {
  if (isRoot) await execTool('chown', ['-R', `${user}:${user}`, dir]);
}

function pgBin(name: string): string {
  for (const v of ['17', '16', '15', '14', '13']) {
    const p = `/usr/lib/postgresql/${v}/bin/${name}`;
    if (existsSync(p)) return p;
  }
  return name;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start within ${timeoutMs} ms`);
}

export const PG_PASSWORD = 'pg-s3cret!';
export const MARIADB_PASSWORD = 'my-s3cret!';

export async function startPostgres(): Promise<Server> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-pg-'));
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pw');
  writeFileSync(pwfile, `${PG_PASSWORD}\n`);
  await chownTree(dir, 'postgres');
  const port = await freePort();
  const [cmd, args] = asUser('postgres', pgBin('initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    `--pwfile=${pwfile}`,
    '--no-sync',
  ]);
  await execTool(cmd, args);
  const [ctl, ctlArgs] = asUser('postgres', pgBin('pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`,
    'start',
  ]);
  await execTool(ctl, ctlArgs);
  const url = `postgres://postgres:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop: async () => {
      const [c, a] = asUser('postgres', pgBin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      try {
        await execTool(c, a);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function startMariadb(): Promise<Server> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-my-'));
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'mysqld.sock');
  const user = isRoot ? 'mysql' : os.userInfo().username;
  await chownTree(dir, user);
  await execTool('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${data}`,
    `--user=${user}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  const port = await freePort();
  const child: ChildProcess = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${socket}`,
      `--pid-file=${path.join(dir, 'pid')}`,
      `--user=${user}`,
      '--skip-log-bin',
      '--performance-schema=ON',
      '--innodb-buffer-pool-size=32M',
      '--innodb-log-file-size=8M',
      '--skip-name-resolve',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const mysql = (sql: string): Promise<string> =>
    execTool('mysql', ['--no-defaults', `--socket=${socket}`, '-uroot', '-N', '-e', sql]);
  try {
    await waitFor(async () => (await mysql('SELECT 1')).trim() === '1', 'mariadbd');
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log.slice(-2000)}`);
  }
  await mysql(
    `CREATE DATABASE app; CREATE USER 'shipkit'@'127.0.0.1' IDENTIFIED BY '${MARIADB_PASSWORD}'; GRANT ALL ON *.* TO 'shipkit'@'127.0.0.1'; FLUSH PRIVILEGES;`,
  );
  return {
    url: `mysql://shipkit:${encodeURIComponent(MARIADB_PASSWORD)}@127.0.0.1:${port}/app`,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
