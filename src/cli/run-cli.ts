import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { StageContext } from '../core/context.js';
import { isUserError } from '../core/errors.js';
import { InputReader, mapSource } from '../core/inputs.js';
import { runInfoFromEnv } from '../core/report/build.js';
import { VERSION } from '../core/version.js';
import type { CliCommand, CommandEntry } from './command.js';
import { commands as registered } from './commands.js';
import { renderText } from './render-text.js';
import { terminalLogger } from './terminal-logger.js';
import { githubContextFromEnv } from '../core/github/context-from-env.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const GLOBAL_FLAGS = {
  json: { type: 'boolean', description: 'print the stage report as JSON on stdout' },
  root: { type: 'string', description: 'DIR  the repository to work in (default: the current directory)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const;

function mainHelp(commands: readonly CommandEntry[]): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `shipkit ${VERSION}: from pull request to production

Usage: shipkit <command> [options]

Commands:
${rows || '  (none yet)'}

Options:
  --help, -h     show help (also: shipkit <command> --help)
  --version      print the version
  --json         print the stage report as JSON

Exit codes: 0 passed, 1 a gate failed or the run failed, 2 usage error.
`;
}

function commandHelp(command: CliCommand): string {
  const flags = { ...command.flags, ...GLOBAL_FLAGS };
  const rows = Object.entries(flags)
    .map(([name, spec]) => {
      const short = 'short' in spec && spec.short ? `-${spec.short}, ` : '';
      return `  ${short}--${name}${'multiple' in spec && spec.multiple ? ' (repeatable)' : ''}\n      ${spec.description}`;
    })
    .join('\n');
  return `Usage: shipkit ${command.name} [options]\n\n${command.summary}\n\nOptions:\n${rows}\n`;
}

/** Flag values as the stage's options reader expects them: repeatable flags joined by newlines. */
function toInputValues(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key in GLOBAL_FLAGS && key !== 'root') continue;
    // parseArgs yields strings and booleans, or arrays of them for repeatable flags.
    if (Array.isArray(value)) out[key] = (value as (string | boolean)[]).map(String).join('\n');
    else if (typeof value === 'string' || typeof value === 'boolean') out[key] = String(value);
  }
  return out;
}

export async function runCli(
  argv: string[],
  io: Io = defaultIo,
  commands: readonly CommandEntry[] = registered,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(mainHelp(commands));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    io.stderr(`shipkit: unknown command '${first}'. Run 'shipkit --help' for the list.\n`);
    return EXIT_USAGE;
  }
  const command = await entry.load();

  let values: Record<string, unknown>;
  try {
    const options = { ...command.flags, ...GLOBAL_FLAGS } as ParseArgsConfig['options'];
    ({ values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false }));
  } catch (error) {
    io.stderr(`shipkit ${command.name}: ${(error as Error).message}\n\n${commandHelp(command)}`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout(commandHelp(command));
    return EXIT_OK;
  }

  const json = values.json === true;
  const cwd = path.resolve(typeof values.root === 'string' ? values.root : process.cwd());
  // Progress goes to stderr so that stdout carries only the report with --json.
  const logger = terminalLogger(io.stderr);
  const controller = new AbortController();
  const onSignal = (): void => controller.abort(new Error('cancelled'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const ctx: StageContext = {
      cwd,
      env: process.env,
      logger,
      run: runInfoFromEnv(),
      github: githubContextFromEnv(process.env, logger),
      signal: controller.signal,
    };
    const outcome = await command.run(new InputReader(mapSource(toInputValues(values), 'flag')), ctx);
    io.stdout(json ? `${JSON.stringify(outcome.report, null, 2)}\n` : renderText(outcome));
    return outcome.report.status === 'fail' ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    if (isUserError(error)) {
      io.stderr(`shipkit ${command.name}: ${error.describe()}\n`);
      return EXIT_FAILED;
    }
    io.stderr(
      `shipkit ${command.name}: internal error (please report it):\n${(error as Error).stack ?? String(error)}\n`,
    );
    return EXIT_FAILED;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
