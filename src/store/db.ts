/**
 * The only module that imports pg. One Pool per Db; query() and withTransaction() are all the rest of
 * src/store needs. Other layers receive a Db and call the operation functions in src/store/<table>.ts.
 */
import pg from 'pg';
import { AppError, ServiceUnavailableError } from '../errors.ts';
import { log } from '../log.ts';

// numeric and bigint come back as JS numbers: our ids and months stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// dates stay "YYYY-MM-DD" strings: a verdict date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Row = Record<string, unknown>;

export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export const POSTGRES_HINT =
  'start it with `docker compose up -d postgres` or `pg_ctlcluster <version> main start`, or set DATABASE_URL';

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', '57P03']);

/** A database that does not exist yet is a set-up step, not a bug: say which one to run. */
function missingDatabase(err: unknown, url: string): AppError | null {
  if ((err as { code?: string } | null)?.code !== '3D000') return null;
  return new AppError('DB_MISSING', `database at ${redactUrl(url)} does not exist: run \`npx courtwatch migrate\` (or \`npm start\`), or set DATABASE_URL`, { cause: err });
}

export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === 'string' && CONNECTION_ERROR_CODES.has(code);
}

/** Hides the password when a URL is printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

class ClientQueryable implements Queryable {
  constructor(private readonly client: pg.PoolClient) {}
  async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const res = await this.client.query(sql, params as unknown[]);
    return res.rows as R[];
  }
}

export class Db implements Queryable {
  readonly url: string;
  private readonly pool: pg.Pool;

  constructor(url: string, options: { max?: number } = {}) {
    this.url = url;
    this.pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    this.pool.on('error', (err) => log.warn({ err: err.message, db: redactUrl(url) }, 'idle postgres client error'));
  }

  async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    try {
      const res = await this.pool.query(sql, params as unknown[]);
      return res.rows as R[];
    } catch (err) {
      if (isConnectionError(err)) throw new ServiceUnavailableError('Postgres', redactUrl(this.url), POSTGRES_HINT, { cause: err });
      throw missingDatabase(err, this.url) ?? err;
    }
  }

  /** Runs fn in one transaction: all of its writes land, or none do. */
  async withTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      if (isConnectionError(err)) throw new ServiceUnavailableError('Postgres', redactUrl(this.url), POSTGRES_HINT, { cause: err });
      throw err;
    }
    // A checked-out client has no pool error listener: without this one, a connection lost between two
    // queries (Postgres restart, network cut) is an unhandled 'error' event that kills the process.
    let lost: Error | undefined;
    const onLost = (err: Error) => (lost = err);
    client.on('error', onLost);
    try {
      await client.query('BEGIN');
      const result = await fn(new ClientQueryable(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      if (!lost) await client.query('ROLLBACK').catch((rollbackErr: Error) => log.warn({ err: rollbackErr.message }, 'rollback failed'));
      throw err;
    } finally {
      client.off('error', onLost);
      // passing the error makes the pool discard the broken client instead of reusing it
      client.release(lost);
    }
  }

  /** Throws ServiceUnavailableError with a hint when Postgres cannot be reached. */
  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Creates the database named in `url` if it does not exist (connecting to the `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    if (isConnectionError(err)) throw new ServiceUnavailableError('Postgres', redactUrl(url), POSTGRES_HINT, { cause: err });
    throw err;
  }
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // created concurrently by another process: fine
      });
    }
  } finally {
    await client.end();
  }
}

/** Creates `name` as a copy of `template` (fast per-test databases), replacing any leftover. */
export async function createDatabaseFromTemplate(adminUrl: string, name: string, template: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
