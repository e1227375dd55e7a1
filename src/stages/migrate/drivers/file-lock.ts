import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pollLock } from './lock-poll.js';
import type { Progress } from './types.js';

interface Holder {
  pid: number;
  host: string;
  owner: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Embedded databases (PGlite, SQLite files) have no server to hold a session lock, so the lock is
 * a file created with O_EXCL holding the owner's pid. A holder that died (SIGKILL) leaves the file
 * behind; it is taken over once its pid is gone on this host, so a killed run does not block forever.
 */
export class FileLock {
  private held = false;
  constructor(
    readonly file: string,
    private readonly owner: string,
  ) {}

  async acquire(
    timeoutMs: number,
    signal: AbortSignal,
    progress: Progress = () => undefined,
  ): Promise<{ waitedMs: number; tookOverFrom?: Holder }> {
    await mkdir(path.dirname(this.file), { recursive: true });
    let tookOverFrom: Holder | undefined;
    const { waitedMs } = await pollLock({
      tryOnce: async () => {
        if (await this.create()) return true;
        const holder = await this.readHolder();
        if (holder && holder.host === os.hostname() && !alive(holder.pid)) {
          tookOverFrom = holder;
          await unlink(this.file).catch(() => undefined);
          return this.create();
        }
        return false;
      },
      holder: async () => {
        const holder = await this.readHolder();
        return holder
          ? `${holder.owner}, pid ${holder.pid} on ${holder.host} since ${holder.since}`
          : `lock file ${this.file}`;
      },
      timeoutMs,
      signal,
      progress,
    });
    return { waitedMs, ...(tookOverFrom ? { tookOverFrom } : {}) };
  }

  private async create(): Promise<boolean> {
    try {
      const handle = await open(this.file, 'wx');
      const me: Holder = { pid: process.pid, host: os.hostname(), owner: this.owner, since: new Date().toISOString() };
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      this.held = true;
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return false;
    }
  }

  private async readHolder(): Promise<Holder | undefined> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Holder;
    } catch {
      // Being written right now, or just removed: look again on the next poll.
      return undefined;
    }
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await unlink(this.file).catch(() => undefined);
  }
}
