import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Closes the descriptor of a spill file its owner no longer reaches (the process's exit closes the rest). */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/**
 * A temporary file only this process can read, for data too big to keep in memory: made with mode
 * 0600 and removed from its directory at once, so it leaves nothing behind, however the process ends
 * (the disk space is freed when the descriptor closes). Reads and writes are by position.
 */
export class SpillFile {
  private fd: number;

  constructor(dir = tmpdir()) {
    let fd: number | undefined;
    let name = '';
    for (let attempt = 0; fd === undefined; attempt++) {
      name = path.join(
        dir,
        `shipkit-spill-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
      );
      try {
        fd = openSync(name, 'wx+', 0o600);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 10) throw error;
      }
    }
    this.fd = fd;
    try {
      unlinkSync(name);
    } catch {
      // Where an open file cannot be removed, it is removed when the process exits.
      process.once('exit', () => {
        this.close();
        try {
          unlinkSync(name);
        } catch {
          // Gone already.
        }
      });
    }
    closer.register(this, fd, this);
  }

  /** Writes buf[0, length) at `position`. */
  write(buf: Uint8Array, length: number, position: number): void {
    for (let done = 0; done < length;) done += writeSync(this.fd, buf, done, length - done, position + done);
  }

  /** Reads `length` bytes at `position` into buf[0, length). */
  read(buf: Uint8Array, length: number, position: number): void {
    for (let done = 0; done < length;) {
      const n = readSync(this.fd, buf, done, length - done, position + done);
      if (n === 0) throw new Error(`spill file: ${length - done} bytes missing at ${position + done}`);
      done += n;
    }
  }

  close(): void {
    if (this.fd < 0) return;
    closer.unregister(this);
    const fd = this.fd;
    this.fd = -1;
    closeSync(fd);
  }
}
