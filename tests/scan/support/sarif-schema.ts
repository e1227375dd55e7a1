import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import { FIXTURES } from './npm.js';

const schema = JSON.parse(readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
// CommonJS modules with `exports.default`: under NodeNext the default import is the whole module.
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;
// The published schema's language pattern has a stray ']' that only the unicode flag refuses.
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Fails the test with the first schema violations when `log` is not valid SARIF 2.1.0 (the official schema). */
export function expectValidSarif(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
}
