import { parse } from 'yaml';
import type { ActionMetadata, InputMetadata, OutputMetadata } from './stage.js';

type Raw = Record<string, { description?: unknown; required?: unknown; default?: unknown } | null | undefined>;

/**
 * What an action.yml declares, in the shape the CLI and the docs use. Throws (naming the file) when
 * an input or output has no description: every one is documented.
 */
export function parseActionMetadata(text: string, file: string): ActionMetadata {
  const doc = parse(text) as { name?: unknown; description?: unknown; inputs?: Raw; outputs?: Raw } | null;
  if (!doc || typeof doc !== 'object') throw new Error(`${file}: not an action.yml`);
  const describe = (kind: string, name: string, value: unknown): string => {
    if (typeof value !== 'string' || value.trim() === '')
      throw new Error(`${file}: ${kind} '${name}' has no description`);
    return value.trim();
  };
  const inputs: InputMetadata[] = Object.entries(doc.inputs ?? {}).map(([name, spec]) => ({
    name,
    description: describe('input', name, spec?.description),
    required: spec?.required === true,
    ...(spec?.default !== undefined && spec.default !== null ? { default: String(spec.default as string) } : {}),
  }));
  const outputs: OutputMetadata[] = Object.entries(doc.outputs ?? {}).map(([name, spec]) => ({
    name,
    description: describe('output', name, spec?.description),
  }));
  return {
    name: typeof doc.name === 'string' ? doc.name : '',
    description: typeof doc.description === 'string' ? doc.description.trim() : '',
    inputs,
    outputs,
  };
}
