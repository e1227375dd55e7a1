import type { Logger } from '../core/logger.js';

export function terminalLogger(write: (text: string) => void, verbose = process.env.SHIPKIT_DEBUG === '1'): Logger {
  let indent = '';
  return {
    debug: (m) => {
      if (verbose) write(`${indent}debug: ${m}\n`);
    },
    info: (m) => write(`${indent}${m}\n`),
    warning: (m) => write(`${indent}warning: ${m}\n`),
    error: (m) => write(`${indent}error: ${m}\n`),
    group: async (title, fn) => {
      write(`${indent}▸ ${title}\n`);
      const outer = indent;
      indent = `${outer}  `;
      try {
        return await fn();
      } finally {
        indent = outer;
      }
    },
  };
}
