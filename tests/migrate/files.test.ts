import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { checksumOf, compareVersions, loadMigrations } from '../../src/stages/migrate/files.js';
import { project } from './support/harness.js';

describe('migration files', () => {
  it('orders NNN_, .up/.down and Flyway V names by version, numerically', async () => {
    const { cwd } = project({
      '10_ten.sql': 'SELECT 10;',
      '002_two.up.sql': 'SELECT 2;',
      '002_two.down.sql': 'SELECT -2;',
      'V1__one.sql': '-- shipkit:no-transaction\nSELECT 1;',
      'V3_1__three_one.sql': 'SELECT 3.1;',
      'README.md': 'not a migration',
    });
    const set = await loadMigrations(cwd, 'migrations');
    expect(set.files.map((f) => [f.version, f.name])).toEqual([
      ['1', 'one'],
      ['2', 'two'],
      ['3.1', 'three_one'],
      ['10', 'ten'],
    ]);
    expect(set.files[0]?.noTransaction).toBe(true);
    expect(set.files[1]?.down).toEqual({
      file: 'migrations/002_two.down.sql',
      path: path.join(cwd, 'migrations/002_two.down.sql'),
    });
    expect(readFileSync(set.files[1]?.down?.path ?? '', 'utf8')).toBe('SELECT -2;');
    expect(set.files[1]?.noTransaction).toBe(false);
  });

  it('reports gaps in sequential numbering but not in timestamps', async () => {
    expect(
      (await loadMigrations(project({ '1_a.sql': '', '2_b.sql': '', '5_c.sql': '' }).cwd, 'migrations')).gaps,
    ).toEqual(['3', '4']);
    expect(
      (await loadMigrations(project({ '20240101120000_a.sql': '', '20240301090000_b.sql': '' }).cwd, 'migrations'))
        .gaps,
    ).toEqual([]);
  });

  it('refuses duplicate versions, naming both files', async () => {
    const { cwd } = project({ '001_a.sql': '', 'V1__b.sql': '' });
    const error = await loadMigrations(cwd, 'migrations').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /duplicate migration version 1: 'migrations\/001_a.sql' and 'migrations\/V1__b.sql'/,
    );
  });

  it('refuses SQL files whose names match no pattern, and orphan down files', async () => {
    await expect(loadMigrations(project({ 'create_users.sql': '' }).cwd, 'migrations')).rejects.toThrow(
      /not a migration name/,
    );
    await expect(loadMigrations(project({ '1_a.down.sql': '' }).cwd, 'migrations')).rejects.toThrow(
      /no matching up file/,
    );
    await expect(loadMigrations(project({}).cwd, 'nope')).rejects.toThrow(
      /cannot read the migrations directory 'nope'/,
    );
  });

  it('checksums ignore CRLF line endings and compare versions part by part', () => {
    expect(checksumOf('a\r\nb\r\n')).toBe(checksumOf('a\nb\n'));
    expect(checksumOf('a\nb')).not.toBe(checksumOf('a\nc'));
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('2', '2.0')).toBe(-1);
    expect(compareVersions('99999999999999999999', '99999999999999999998')).toBe(1);
  });
});
