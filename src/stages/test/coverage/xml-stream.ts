import { closeSync, open, readSync } from 'node:fs';
import { promisify } from 'node:util';
import { StringDecoder } from 'node:string_decoder';

import { SaxesParser } from 'saxes';

import { UserError } from '../../../core/errors.js';
import type { ReportFile } from './report-file.js';

/**
 * Read size. Measured on the bench's 104 MB cobertura / 57 MB JUnit: 1 MiB chunks peaked at 343 / 193 MB
 * RSS, 64 KiB at 192–209 / 154–160 MB, with the same CPU time (16 KiB saved nothing more). Small chunks
 * keep fewer large strings alive between garbage collections.
 */
const CHUNK = 64 * 1024;
/** A plain descriptor (not a FileHandle, which would want to close itself), opened without blocking. */
const openFd = promisify(open);

/** What a format's handler is told while an XML report streams by. */
export interface XmlContext {
  /** 1-based line the parser is on. */
  line(): number;
  /** Throws a UserError naming the report and the current line. */
  fail(message: string): never;
}

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, ctx: XmlContext): void;
  close?(name: string, ctx: XmlContext): void;
  /** Text and CDATA inside elements; only called when the handler defines it. */
  text?(text: string): void;
}

/**
 * Streams an XML report through saxes in 64 KiB chunks, so memory does not grow with the file.
 * saxes never reads a DTD: no external entity is fetched and no internal entity is defined, so a
 * reference to one is an "undefined entity" error (billion laughs cannot expand). Any XML error,
 * including a truncated file, becomes a UserError naming the file and line.
 */
export async function streamXml(report: ReportFile, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: true, fileName: report.display });
  const ctx: XmlContext = {
    line: () => parser.line,
    fail(message: string): never {
      throw new UserError(message, { file: report.display, line: parser.line });
    },
  };
  parser.on('error', (err) => ctx.fail(`malformed XML: ${stripLocation(err.message)}`));
  parser.on('opentag', (tag) => handler.open(tag.name, tag.attributes, ctx));
  if (handler.close) {
    const close = handler.close.bind(handler);
    parser.on('closetag', (tag) => close(tag.name, ctx));
  }
  if (handler.text) {
    const text = handler.text.bind(handler);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  // One reused buffer and a decoder (which carries a UTF-8 sequence split between reads) instead of
  // a ReadStream: no stream machinery per chunk, nothing allocated per read but the chunk's string.
  // Synchronous reads: a 64 KiB read of a local file takes microseconds, while an awaited one waits
  // for libuv's thread pool each time (on the loaded bench machine: 10–25 % more CPU and wall time).
  const fd = await openFd(report.abs, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    const decoder = new StringDecoder('utf8');
    for (;;) {
      const bytesRead = readSync(fd, buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      parser.write(decoder.write(buf.subarray(0, bytesRead)));
    }
    const rest = decoder.end();
    if (rest) parser.write(rest);
    parser.close();
  } finally {
    closeSync(fd);
  }
}

/** saxes prefixes its messages with `file:line:col:`; the UserError carries the location itself. */
function stripLocation(message: string): string {
  return message.replace(/^.*?:\d+:\d+: /, '');
}

/**
 * A copy of `value` that does not pin the chunk it was cut from. V8 makes substrings of 13+
 * characters views into their parent string, so keeping one test name per chunk would keep the whole
 * file in memory. Concatenating and slicing forces a fresh flat string of the value's own length.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : `${value} `.slice(0, -1);
}

/** Reads an integer attribute; absent → `fallback`, present but not a number → UserError at the current line. */
export function intAttr(attrs: Record<string, string>, name: string, ctx: XmlContext, fallback?: number): number {
  const raw = attrs[name];
  if (raw === undefined || raw === '') {
    if (fallback !== undefined) return fallback;
    return ctx.fail(`missing attribute ${name}`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) return ctx.fail(`attribute ${name}="${raw.slice(0, 40)}" is not a number`);
  return value;
}
