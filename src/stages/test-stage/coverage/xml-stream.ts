import { closeSync, open, openSync, readSync } from 'node:fs';
import { promisify } from 'node:util';

import { UserError } from '../../../core/errors.js';
import type { ReportFile } from './report-file.js';
import type { Attributes, XmlContext, XmlHandler } from './xml-scanner.js';
import { XmlScanner, XmlSyntaxError } from './xml-scanner.js';

export type { Attributes, XmlContext, XmlHandler } from './xml-scanner.js';

/**
 * Read size. Small enough to keep the buffer (and so peak memory) small, large enough that the read
 * calls cost little (64 KiB reads were 8 % of the time on a 57 MB JUnit file). A token longer than this (a
 * huge attribute) grows the buffer to fit it.
 */
const CHUNK = 256 * 1024;
/** A plain descriptor (not a FileHandle, which would want to close itself), opened without blocking. */
const openFd = promisify(open);

/**
 * Streams an XML report through the scanner in 256 KiB reads, so memory does not grow with the file.
 * Nothing is fetched and no entity is defined or expanded (see XmlScanner). Any XML error, including a
 * truncated file, becomes a UserError naming the file and line; so does a handler's `ctx.fail`.
 */
export async function streamXml(report: ReportFile, handler: XmlHandler): Promise<void> {
  const ctx: XmlContext = {
    line: () => lineAt(report.abs, scanner.tagOffset),
    fail(message: string): never {
      throw new UserError(message, { file: report.display, line: ctx.line() });
    },
  };
  const scanner = new XmlScanner(handler, ctx);
  const fd = await openFd(report.abs, 'r');
  try {
    // Synchronous reads: a 64 KiB read of a local file takes microseconds, while an awaited one waits
    // for libuv's thread pool each time (on the loaded bench machine: 10–25 % more CPU and wall time).
    let buf = Buffer.allocUnsafe(CHUNK * 2 + 1);
    let filled = 0;
    for (;;) {
      if (filled + CHUNK + 1 > buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const bytesRead = readSync(fd, buf, filled, CHUNK, null);
      const eof = bytesRead === 0;
      filled += bytesRead;
      buf[filled] = 0; // the scanner's end mark
      let used: number;
      try {
        used = scanner.scan(buf, filled, eof);
      } catch (error) {
        if (!(error instanceof XmlSyntaxError)) throw error;
        throw new UserError(`malformed XML: ${error.message}`, {
          file: report.display,
          line: lineAt(report.abs, error.offset),
        });
      }
      if (eof) break;
      buf.copy(buf, 0, used, filled);
      filled -= used;
    }
  } finally {
    closeSync(fd);
  }
}

/** The 1-based line of a byte offset: errors only, so the file is read again rather than lines counted all along. */
function lineAt(file: string, offset: number): number {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let line = 1;
    let done = 0;
    while (done < offset) {
      const bytesRead = readSync(fd, buf, 0, Math.min(buf.length, offset - done), done);
      if (bytesRead === 0) break;
      for (let i = buf.indexOf(0x0a, 0); i >= 0 && i < bytesRead; i = buf.indexOf(0x0a, i + 1)) line++;
      done += bytesRead;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

/**
 * A copy of `value` that does not pin a larger string it was cut from (V8 makes substrings of 13+
 * characters views into their parent): for a first line cut from a failure's text, say.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : `${value} `.slice(0, -1);
}

/** Reads an integer attribute; absent → `fallback`, present but not a number → UserError at the current line. */
export function intAttr(attrs: Attributes, name: string, ctx: XmlContext, fallback?: number): number {
  // Plain digits, nearly every value, are read from the bytes; anything else as Number() reads it.
  const digits = attrs.digits(name);
  if (digits >= 0) return digits;
  const raw = attrs.get(name);
  if (raw === undefined || raw === '') {
    if (fallback !== undefined) return fallback;
    return ctx.fail(`missing attribute ${name}`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) return ctx.fail(`attribute ${name}="${raw.slice(0, 40)}" is not a number`);
  return value;
}
