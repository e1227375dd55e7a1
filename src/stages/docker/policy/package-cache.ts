import { Env, Run } from 'dockerfile-ast';
import { finalChain, lineOf, type DockerfileModel } from './dockerfile-model.js';
import type { RawFinding } from './finding.js';
import { hasFlag, operands, shellCommands, type ShellCommand } from './shell-commands.js';

const TRUTHY = new Set(['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES']);

interface Manager {
  name: string;
  /** The command that fills the cache. */
  fills: (c: ShellCommand) => boolean;
  /** A cleanup in the same RUN (or an option on the filling command) that keeps the cache out of the layer. */
  cleans: (commands: readonly ShellCommand[], filler: ShellCommand, stageEnv: ReadonlyMap<string, string>) => boolean;
  /** A `RUN --mount=type=cache,target=…` whose target contains one of these keeps the cache out too. */
  mounts: readonly string[];
  fix: string;
}

const removes = (commands: readonly ShellCommand[], fragment: string) =>
  commands.some((c) => c.name === 'rm' && c.args.some((a) => a.includes(fragment)));
const runs = (commands: readonly ShellCommand[], name: string, ...sub: string[]) =>
  commands.some((c) => c.name === name && sub.every((s, i) => operands(c)[i] === s));
const first = (c: ShellCommand) => operands(c)[0];

/** The package managers whose caches end up in a layer, and how each is kept out (hadolint's rules noted). */
const MANAGERS: readonly Manager[] = [
  {
    // DL3009: apt-get update without removing the lists.
    name: 'apt',
    fills: (c) => (c.name === 'apt-get' || c.name === 'apt') && first(c) === 'update',
    cleans: (cs) => removes(cs, '/var/lib/apt/lists'),
    mounts: ['/var/lib/apt'],
    fix: 'end the RUN with `rm -rf /var/lib/apt/lists/*`',
  },
  {
    // DL3019: apk add without --no-cache.
    name: 'apk',
    fills: (c) => c.name === 'apk' && first(c) === 'add',
    cleans: (cs, c) => hasFlag(c, '--no-cache') || removes(cs, '/var/cache/apk'),
    mounts: ['/var/cache/apk', '/etc/apk/cache'],
    fix: 'use `apk add --no-cache`',
  },
  {
    // DL3042: pip install without --no-cache-dir (PIP_NO_CACHE_DIR set truthy counts, as in hadolint).
    name: 'pip',
    fills: (c) =>
      (/^pip[0-9.]*$/.test(c.name) && first(c) === 'install') ||
      (/^python[0-9.]*$/.test(c.name) && c.args[0] === '-m' && c.args[1] === 'pip' && c.args.includes('install')),
    cleans: (cs, c, env) =>
      hasFlag(c, '--no-cache-dir') ||
      c.assignments.some((a) => a.startsWith('PIP_NO_CACHE_DIR=') && TRUTHY.has(a.slice('PIP_NO_CACHE_DIR='.length))) ||
      TRUTHY.has(env.get('PIP_NO_CACHE_DIR') ?? '') ||
      runs(cs, 'pip', 'cache', 'purge') ||
      removes(cs, '.cache/pip'),
    mounts: ['.cache/pip'],
    fix: 'use `pip install --no-cache-dir`',
  },
  {
    name: 'npm',
    fills: (c) => c.name === 'npm' && ['install', 'i', 'ci', 'add'].includes(first(c) ?? ''),
    cleans: (cs) => runs(cs, 'npm', 'cache', 'clean') || removes(cs, '.npm'),
    mounts: ['.npm'],
    fix: 'end the RUN with `npm cache clean --force`',
  },
  {
    // DL3060: yarn install without yarn cache clean.
    name: 'yarn',
    fills: (c) => c.name === 'yarn' && ['install', 'add'].includes(first(c) ?? ''),
    cleans: (cs) => runs(cs, 'yarn', 'cache', 'clean') || removes(cs, '.cache/yarn'),
    mounts: ['yarn'],
    fix: 'end the RUN with `yarn cache clean`',
  },
  ...(['yum', 'dnf', 'microdnf'] as const).map(
    // DL3032 (yum) and DL3040 (dnf): install without `clean all`.
    (name): Manager => ({
      name,
      fills: (c) => c.name === name && first(c) === 'install',
      cleans: (cs) => runs(cs, name, 'clean', 'all') || removes(cs, `/var/cache/${name === 'yum' ? 'yum' : 'dnf'}`),
      mounts: [`/var/cache/${name === 'yum' ? 'yum' : 'dnf'}`],
      fix: `end the RUN with \`${name} clean all\``,
    }),
  ),
  {
    // DL3036: zypper install without zypper clean.
    name: 'zypper',
    fills: (c) => c.name === 'zypper' && ['install', 'in'].includes(first(c) ?? ''),
    cleans: (cs) => runs(cs, 'zypper', 'clean') || runs(cs, 'zypper', 'cc') || removes(cs, '/var/cache/zypp'),
    mounts: ['/var/cache/zypp'],
    fix: 'end the RUN with `zypper clean`',
  },
];

/**
 * Caches matter only in layers that ship: the final stage and the stages it starts from. A build stage
 * whose files are copied out selectively may keep its caches (as hadolint's DL3009 also decides).
 */
export function packageCacheFindings(model: DockerfileModel): RawFinding[] {
  const findings: RawFinding[] = [];
  const env = new Map<string, string>();
  for (const stage of finalChain(model)) {
    for (const instruction of stage.instructions) {
      if (instruction instanceof Env) {
        for (const p of instruction.getProperties()) env.set(p.getName(), p.getValue() ?? '');
      }
      if (!(instruction instanceof Run)) continue;
      const run = instruction;
      const commands = runCommands(model, run);
      const mounts = cacheMountTargets(run);
      for (const manager of MANAGERS) {
        const filler = commands.find(manager.fills);
        if (!filler) continue;
        if (mounts.some((t) => manager.mounts.some((m) => t.includes(m)))) continue;
        if (manager.cleans(commands, filler, env)) continue;
        findings.push({
          rule: 'package-cache',
          line: lineOf(run),
          message: `\`${[filler.name, ...filler.args].join(' ')}\` leaves the ${manager.name} cache in the image: ${manager.fix} (or use a cache mount)`,
        });
      }
    }
  }
  return findings;
}

/** The commands a RUN executes: its shell script, its exec-form array, or its here-documents. */
export function runCommands(model: DockerfileModel, run: Run): ShellCommand[] {
  const heredocs = run.getHeredocs();
  if (heredocs.length > 0) {
    return heredocs.flatMap((h) => {
      const range = h.getContentRange();
      return range ? shellCommands(model.lines.slice(range.start.line, range.end.line + 1).join('\n')) : [];
    });
  }
  const text = run.getArgumentsContent() ?? '';
  if (text.trimStart().startsWith('[')) {
    try {
      const argv: unknown = JSON.parse(text);
      if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) {
        const [program = '', ...args] = argv;
        return [{ name: program.slice(program.lastIndexOf('/') + 1), args, assignments: [] }];
      }
    } catch {
      // Not JSON: Docker runs it with the shell, and so it is read here.
    }
  }
  return shellCommands(text);
}

function cacheMountTargets(run: Run): string[] {
  return run
    .getFlags()
    .filter((f) => f.getName() === 'mount' && f.getOption('type')?.getValue() === 'cache')
    .map(
      (f) =>
        f.getOption('target')?.getValue() ??
        f.getOption('dst')?.getValue() ??
        f.getOption('destination')?.getValue() ??
        '',
    );
}
