import { parse, type ParseEntry } from 'shell-quote';

/** One simple command of a RUN: its program (basename) and arguments, with leading `VAR=value` kept apart. */
export interface ShellCommand {
  name: string;
  args: string[];
  /** `VAR=value` words before the program (`PIP_NO_CACHE_DIR=1 pip install …`). */
  assignments: string[];
}

const SEPARATORS = new Set(['&&', '||', ';', '|', '&', '(', ')', ';;', '|&']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
/** Words that run the next word as the command. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'nice', 'nohup', 'time', 'command']);
const MAX_DEPTH = 3;

/**
 * The simple commands of a shell script, tokenised with shell-quote (quotes, escapes, operators), split at
 * `&&`, `||`, `;`, `|` and `&`. `sh -c '…'` scripts are read too, so `bash -c "apt-get update"` counts.
 * Variables stay as written (`$HOME`), since their values are not known here.
 */
export function shellCommands(script: string, depth = 0): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const line of script.split(/\r?\n/)) {
    let words: string[] = [];
    const flush = () => {
      const command = toCommand(words);
      if (command) {
        out.push(command);
        const inner = command.args.indexOf('-c');
        if (SHELLS.has(command.name) && inner >= 0 && depth < MAX_DEPTH) {
          out.push(...shellCommands(command.args[inner + 1] ?? '', depth + 1));
        }
      }
      words = [];
    };
    for (const entry of parse(line, (key) => `$${key}`)) {
      const word = wordOf(entry);
      if (word === undefined) flush();
      else if (word !== '') words.push(word);
    }
    flush();
  }
  return out;
}

/** A word, '' for tokens that are neither words nor separators (redirections), undefined for a separator. */
function wordOf(entry: ParseEntry): string | undefined {
  if (typeof entry === 'string') return entry;
  if ('comment' in entry) return '';
  if ('op' in entry) {
    if (entry.op === 'glob') return entry.pattern;
    return SEPARATORS.has(entry.op) ? undefined : '';
  }
  return '';
}

function toCommand(words: string[]): ShellCommand | undefined {
  const assignments: string[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i] ?? '';
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) assignments.push(w);
    else if (WRAPPERS.has(w) || (w.startsWith('-') && i > 0 && WRAPPERS.has(words[i - 1] ?? ''))) {
      // `sudo -E apt-get`, `env -i pip`: skip the wrapper and its options.
    } else break;
    i++;
  }
  const program = words[i];
  if (program === undefined) return undefined;
  return { name: program.slice(program.lastIndexOf('/') + 1), args: words.slice(i + 1), assignments };
}

/** The arguments that are not options (`-y`, `--no-cache`), for matching subcommands like `install`. */
export const operands = (c: ShellCommand): string[] => c.args.filter((a) => !a.startsWith('-'));

export const hasFlag = (c: ShellCommand, ...flags: string[]): boolean =>
  c.args.some((a) => flags.includes(a.split('=')[0] ?? a));
