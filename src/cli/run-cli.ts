import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StageContext } from '../core/context.js';
import { directoryProblem } from '../core/directory.js';
import { EXIT_OK, EXIT_USAGE, isUserError, UserError } from '../core/errors.js';
import { executeStage, failedExecution, type Execution } from '../core/execute.js';
import { describeFailure } from '../core/failure.js';
import { githubContextFromEnv } from '../core/github/context-from-env.js';
import { InputReader } from '../core/inputs.js';
import { Redactor } from '../core/redact.js';
import { runInfoFromEnv } from '../core/report/build.js';
import { reportFilePieces } from '../core/report/pretty-json.js';
import { savedFiles } from '../core/report/saved-files.js';
import type { ActionMetadata, StageEntry } from '../core/stage.js';
import { VERSION } from '../core/version.js';
import { ACTION_METADATA } from '../generated/action-metadata.js';
import { STAGES } from '../stages/registry.js';
import { flagSource, parseArgs, type ParsedArgs } from './args.js';
import { cliHost } from './cli-host.js';
import { GLOBAL_FLAGS, flagsOf } from './flags.js';
import { commandHelp, mainHelp } from './help.js';
import { renderText } from './render-text.js';
import { terminalLogger } from './terminal-logger.js';

export { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../core/errors.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal: progress is one line updated in place. */
  isTTY?: boolean;
}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stderr.isTTY === true,
};

/** The stages and their action.yml metadata; tests pass their own to add a stage. */
export interface CliRegistry {
  stages: readonly StageEntry[];
  metadata: Readonly<Record<string, ActionMetadata>>;
}

const registry: CliRegistry = { stages: STAGES, metadata: ACTION_METADATA };

const one = (parsed: ParsedArgs, name: string): string | undefined => parsed.values.get(name)?.at(-1);

/** The files an action uploads as its artifact for the report action: the report, its annotations, the stage's own. */
async function writeReportDir(dir: string, execution: Execution, redactor: Redactor): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of savedFiles(execution.outcome, (t) => redactor.redact(t)))
    await writeFile(path.join(dir, f.name), f.data);
}

/** `--root`, which must be an existing directory (as the action's working-directory). */
function checkRoot(dir: string, value: string): void {
  const problem = directoryProblem(dir);
  if (problem === 'missing') throw new UserError(`--root ${value}: no such directory`, { input: 'root' });
  if (problem) throw new UserError(`--root ${value}: not a directory`, { input: 'root' });
}

/** `shipkit <stage> [--input value …]`: the stage run as its action runs it, printed for a terminal. */
export async function runCli(
  argv: string[],
  io: Io = defaultIo,
  { stages, metadata }: CliRegistry = registry,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(mainHelp(stages, metadata));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const entry = stages.find((s) => s.name === first);
  if (!entry) {
    io.stderr(`shipkit: unknown command '${first}'. Run 'shipkit --help' for the list.\n`);
    return EXIT_USAGE;
  }
  const actionMetadata = metadata[entry.actionDir];
  const flags = [...(actionMetadata ? flagsOf(actionMetadata) : []), ...GLOBAL_FLAGS];
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(rest, flags);
  } catch (error) {
    if (!isUserError(error)) throw error;
    io.stderr(`shipkit ${entry.name}: ${error.describe()}\nRun 'shipkit ${entry.name} --help' for its options.\n`);
    return EXIT_USAGE;
  }
  if (one(parsed, 'help') === 'true') {
    io.stdout(commandHelp(entry, actionMetadata));
    return EXIT_OK;
  }

  const redactor = new Redactor();
  redactor.add(env.GITHUB_TOKEN);
  const json = one(parsed, 'json') === 'true';
  const root = one(parsed, 'root');
  const cwd = path.resolve(root ?? process.cwd());
  // Where --report-dir is resolved: the root once it is known to exist, else the current directory.
  let base = process.cwd();
  // Progress goes to stderr so that stdout carries only the report with --json.
  const logger = terminalLogger(io.stderr, { tty: io.isTTY === true, redact: (t) => redactor.redact(t) });
  const controller = new AbortController();
  const onSignal = (): void => controller.abort(new Error('cancelled'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const common = { run: runInfoFromEnv(env), signal: controller.signal };
    const declared = actionMetadata ? { declaredOutputs: actionMetadata.outputs } : {};
    let execution: Execution;
    try {
      if (root !== undefined) checkRoot(cwd, root);
      base = cwd;
      const ctx: StageContext = {
        ...common,
        cwd,
        env,
        logger,
        github: await githubContextFromEnv(env, logger),
        host: cliHost(cwd, env),
      };
      const inputs = new InputReader(flagSource(parsed, flags, (v) => redactor.add(v)));
      execution = await executeStage(entry, inputs, ctx, redactor, declared.declaredOutputs);
    } catch (error) {
      execution = failedExecution(entry, error, common, redactor, declared);
    }
    logger.end();
    const reportDir = one(parsed, 'report-dir');
    if (reportDir) await writeReportDir(path.resolve(base, reportDir), execution, redactor);
    const { outcome, failure } = execution;
    if (json) for (const piece of reportFilePieces(outcome.report)) io.stdout(piece);
    if (failure) {
      const hint =
        failure.exitCode === EXIT_USAGE && failure.input ? `\nRun 'shipkit ${entry.name} --help' for its options.` : '';
      io.stderr(`shipkit ${entry.name}: ${redactor.redact(describeFailure(failure))}${hint}\n`);
    } else if (!json) io.stdout(renderText(outcome));
    return execution.exitCode;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
