import { createReadStream } from 'node:fs';

import { SaxesParser } from 'saxes';

import { UserError } from '../../../core/errors.js';
import type { ReportFile } from './report-file.js';

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
 * Streams an XML report through saxes in 1 MiB chunks, so memory does not grow with the file.
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
  const stream = createReadStream(report.abs, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) parser.write(chunk);
    parser.close();
  } finally {
    stream.destroy();
  }
}

/** saxes prefixes its messages with `file:line:col:`; the UserError carries the location itself. */
function stripLocation(message: string): string {
  return message.replace(/^.*?:\d+:\d+: /, '');
}

/**
 * A copy of `value` that does not pin the 1 MiB chunk it was cut from. V8 makes substrings of 13+
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
