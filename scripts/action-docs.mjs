#!/usr/bin/env node
// Writes the inputs and outputs tables of every action's README from its action.yml, between
// <!-- action-docs:inputs --> … <!-- /action-docs:inputs --> (and the same for outputs), so the
// README cannot drift from what the action declares. `--check` only reports drift (exit 1).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');

export function actionDirs() {
  const dirs = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
    .map((d) => d.name)
    .filter((d) => existsSync(path.join(root, d, 'action.yml')));
  if (existsSync(path.join(root, 'action.yml'))) dirs.unshift('.');
  return dirs;
}

const cell = (s) =>
  String(s ?? '')
    .replace(/\r?\n/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

export function tables(actionYml) {
  const action = parse(actionYml);
  const inputs = Object.entries(action.inputs ?? {}).map(
    ([name, spec]) =>
      `| \`${name}\` | ${cell(spec.description)} | ${spec.required ? 'yes' : 'no'} | ${spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``} |`,
  );
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`,
  );
  return {
    inputs: ['| input | description | required | default |', '|---|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | description |', '|---|---|', ...outputs].join('\n'),
  };
}

export function render(readme, actionYml) {
  const t = tables(actionYml);
  let out = readme;
  for (const kind of ['inputs', 'outputs']) {
    const re = new RegExp(`(<!-- action-docs:${kind} -->)[\\s\\S]*?(<!-- /action-docs:${kind} -->)`);
    if (!re.test(out))
      throw new Error(`README lacks <!-- action-docs:${kind} --> … <!-- /action-docs:${kind} --> markers`);
    out = out.replace(re, `$1\n${t[kind]}\n$2`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let stale = 0;
  for (const dir of actionDirs()) {
    const readmePath = path.join(root, dir, 'README.md');
    const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
    let next;
    try {
      next = render(readme, readFileSync(path.join(root, dir, 'action.yml'), 'utf8'));
    } catch (error) {
      console.error(`${path.join(dir, 'README.md')}: ${error.message}`);
      stale++;
      continue;
    }
    if (next !== readme) {
      if (check) {
        console.error(
          `${path.join(dir, 'README.md')}: inputs/outputs differ from action.yml; run 'node scripts/action-docs.mjs'`,
        );
        stale++;
      } else {
        writeFileSync(readmePath, next);
        console.log(`updated ${path.join(dir, 'README.md')}`);
      }
    }
  }
  process.exitCode = stale > 0 ? 1 : 0;
}
