import mysql from 'mysql2/promise';
import pg from 'pg';

/** One query on a fresh PostgreSQL connection: tests inspect the database from outside the stage. */
export async function pgQuery(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** The same for MariaDB/MySQL; several statements allowed. */
export async function mariadbQuery(url: string, text: string): Promise<Record<string, unknown>[]> {
  const conn = await mysql.createConnection({ uri: url, multipleStatements: true });
  try {
    const [rows] = await conn.query(text);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  } finally {
    await conn.end();
  }
}
