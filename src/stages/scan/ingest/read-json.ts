import { readFile } from 'node:fs/promises';
import { UserError } from '../../../core/errors.js';
import { JsonSyntaxError } from './json-stream.js';

/** Where a report came from, for messages: the path as the user named it and the input that named it. */
export interface Source {
  /** The file as the user would name it (repository-relative when possible). */
  file: string;
  /** The input that led to it (`reports`, `audit`), for UserError. */
  input: string;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** JSON.parse's message without the quoted document it may repeat (which could be large, or hold a secret). */
function cleanMessage(message: string): string {
  return message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
}

/** Parses `text` as JSON; a syntax error is a UserError naming the file and, when known, the line. */
export function parseJsonText(text: string, source: Source): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const m = /at position (\d+)/.exec(message);
    const line = m ? lineAt(text, Number(m[1])) : undefined;
    throw new UserError(`not valid JSON: ${cleanMessage(message)}`, {
      input: source.input,
      file: source.file,
      ...(line ? { line } : {}),
    });
  }
}

/** Reads a whole (small) JSON report: npm, pnpm and osv-scanner reports are a few MB at most. */
export async function readJsonFile(path: string, source: Source): Promise<unknown> {
  return parseJsonText(await readFile(path, 'utf8'), source);
}

/** A streaming parser's syntax error as a UserError naming the file and line. */
export function syntaxError(error: unknown, source: Source): unknown {
  if (error instanceof JsonSyntaxError)
    return new UserError(`not valid JSON: ${error.message}`, {
      input: source.input,
      file: source.file,
      line: error.line,
    });
  return error;
}

/** A report whose layout is not what its tool writes: names the file and what was missing. */
export function layoutError(source: Source, format: string, what: string, line?: number): UserError {
  return new UserError(`not a ${format} report: ${what}`, {
    input: source.input,
    file: source.file,
    ...(line ? { line } : {}),
  });
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
