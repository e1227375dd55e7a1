import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { migrateStage } from '../../src/stages/migrate/stage.js';
import { readActionYml } from '../support/action-runner.js';
import { stageContext } from '../support/stage-context.js';

const read = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}): unknown =>
  migrateStage.readOptions(new InputReader(mapSource(values, 'input')), stageContext({ env }));

describe('migrate options', () => {
  it("the reader's fallbacks are action.yml's defaults: no input and every default give the same options", () => {
    const defaults: Record<string, string> = {};
    for (const [name, spec] of Object.entries(readActionYml('migrate').inputs ?? {})) {
      const value = spec.default === undefined ? '' : String(spec.default);
      if (!value.includes('${{')) defaults[name] = value;
    }
    expect(Object.keys(defaults)).toEqual(
      expect.arrayContaining(['dir', 'transaction', 'rollback', 'backup', 'backup-dir', 'lock-timeout', 'tool']),
    );
    expect(read(defaults)).toEqual(read({}));
  });

  it('a bad value is a usage error naming the input', () => {
    const error = (() => {
      try {
        read({ rollback: 'sometimes' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location.input).toBe('rollback');
    expect(() => read({ baseline: 'v3' })).toThrow(
      /input 'baseline' must be a migration version such as 3 or 1.2, got 'v3'/,
    );
    expect(() => read({ tool: 'custom' })).toThrow(/input 'tool-command' is required with tool: custom/);
    expect(() => read({}, { GITHUB_ACTIONS: 'true' })).toThrow(/input 'database-url' is required in an action/);
  });

  it('a server URL is registered as a secret whole and by its password; an embedded path is not a secret', () => {
    const masked: string[] = [];
    const source = {
      ...mapSource({ 'database-url': 'postgres://app:p%40ss@db:5432/app' }, 'input'),
      mask: (v: string) => void masked.push(v),
    };
    migrateStage.readOptions(new InputReader(source), stageContext());
    expect(masked).toEqual(['postgres://app:p%40ss@db:5432/app', 'p%40ss', 'p@ss']);
    const none: string[] = [];
    const embedded = {
      ...mapSource({ 'database-url': 'pglite:.shipkit/plan-db' }, 'input'),
      mask: (v: string) => void none.push(v),
    };
    migrateStage.readOptions(new InputReader(embedded), stageContext());
    expect(none).toEqual([]);
  });
});
