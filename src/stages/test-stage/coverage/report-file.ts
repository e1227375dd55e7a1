import { stat } from 'node:fs/promises';
import path from 'node:path';

import { UserError } from '../../../core/errors.js';

/** A report file as the parsers see it: where to read it, and how to name it in a message. */
export interface ReportFile {
  /** Absolute path. */
  abs: string;
  /** The name the user gave, relative to the working directory when it is inside it. */
  display: string;
  size: number;
}

/** Resolves `file` against `cwd` and checks it is a readable regular file (a missing report is the user's mistake). */
export async function openReport(file: string, cwd: string, input?: string): Promise<ReportFile> {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  const display = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  let size: number;
  try {
    const info = await stat(abs);
    if (!info.isFile()) throw new UserError(`report ${display} is not a file`, { input, file: display });
    size = info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`report not found: ${display}`, { input, file: display }, { cause: error });
  }
  return { abs, display, size };
}

export function noDataError(report: ReportFile, what = 'coverage', input?: string): UserError {
  return new UserError(`no ${what} data found in ${report.display}`, { input, file: report.display });
}
