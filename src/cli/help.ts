import type { ActionMetadata, StageEntry } from '../core/stage.js';
import { VERSION } from '../core/version.js';
import { GLOBAL_FLAGS, flagsOf, type Flag } from './flags.js';

/** A stage's one-line summary: the first sentence of its action.yml description. */
export function summaryOf(metadata: ActionMetadata | undefined): string {
  const text = (metadata?.description ?? '').replace(/\s+/g, ' ').trim();
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end);
}

export function mainHelp(stages: readonly StageEntry[], metadata: Readonly<Record<string, ActionMetadata>>): string {
  const width = Math.max(8, ...stages.map((s) => s.name.length));
  const rows = stages.map((s) => `  ${s.name.padEnd(width)}  ${summaryOf(metadata[s.actionDir])}`).join('\n');
  return `shipkit ${VERSION}: from pull request to production

Usage: shipkit <command> [options]

Commands:
${rows || '  (none yet)'}

Options:
  --help, -h     show help (also: shipkit <command> --help)
  --version      print the version
  --json         print the stage report as JSON

Every command takes its action's inputs as flags (shipkit <command> --help lists them).
Exit codes: 0 passed, 1 a gate failed or the run failed, 2 a usage error (the message names the option).
`;
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}${l}`).join('\n');
}

function flagHelp(flag: Flag): string {
  const head = flag.boolean ? `  --${flag.name}, --no-${flag.name}` : `  --${flag.name} VALUE`;
  const notes = [
    flag.required ? 'required' : undefined,
    flag.default !== undefined ? `default: ${flag.default}` : undefined,
  ].filter(Boolean);
  return `${head}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}\n${wrap(flag.description, 92, '      ')}`;
}

export function commandHelp(stage: StageEntry, metadata: ActionMetadata | undefined): string {
  const flags = metadata ? flagsOf(metadata) : [];
  return [
    `Usage: shipkit ${stage.name} [options]`,
    '',
    wrap(metadata?.description ?? '', 96, ''),
    '',
    'Options (the inputs of the action; repeat an option for a list):',
    ...flags.map(flagHelp),
    '',
    'Common options:',
    ...GLOBAL_FLAGS.map(flagHelp),
    '',
  ].join('\n');
}
