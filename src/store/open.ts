// Opens the store: PostgreSQL when a DATABASE_URL is given (several replicas share it), else an
// embedded SQLite file in the data directory (nothing to install, no server). Migrations run
// before the store is handed out. Anything that goes wrong becomes one StoreOpenError that says
// where (password redacted) and what to do, so start-up stops with a clear message.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../core/store.ts';
import { redactSecrets } from '../host/redact.ts';
import { migrationProvider } from './migrations.ts';
import { SqlStore } from './sql-store.ts';
import type { Tables } from './tables.ts';

export const SQLITE_FILE = 'coach.sqlite';

export interface StoreSettings {
  /** postgres://… : use PostgreSQL. */
  databaseUrl?: string;
  /** Where the embedded database file lives when there is no databaseUrl. */
  dataDir: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

export class StoreOpenError extends Error {
  constructor(
    readonly location: string,
    reason: string,
    readonly hint: string,
  ) {
    super(`Could not open the store at ${location}: ${reason}. ${hint}`);
    this.name = 'StoreOpenError';
  }
}

/** PostgreSQL's bigint (int8) as a JS number: our times and counts fit in 2^53. */
function pgTypes(): pg.CustomTypesConfig {
  const int8: number = pg.types.builtins.INT8;
  const parseInt8 = (v: string): number => Number(v);
  const fallback = pg.types.getTypeParser.bind(pg.types) as (oid: number, format?: 'text' | 'binary') => unknown;
  const getTypeParser = (oid: number, format?: 'text' | 'binary'): unknown => (oid === int8 ? parseInt8 : fallback(oid, format));
  return { getTypeParser: getTypeParser as pg.CustomTypesConfig['getTypeParser'] };
}

function reasonOf(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return redactSecrets(msg.split('\n')[0] ?? msg).slice(0, 300);
}

/**
 * Migrations on SQLite. Kysely runs them statement by statement there (SQLite's adapter does not
 * claim transactional DDL), so two processes opening the same file at once (a restart overlapping
 * the old process) could both start. An outer BEGIN IMMEDIATE takes the file's write lock first:
 * the other process waits for it (busy timeout), then finds the migrations done.
 */
async function migrateSqlite(sqlite: Database.Database, db: Kysely<Tables>): Promise<void> {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    await migrate(db);
    sqlite.exec('COMMIT');
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  }
}

async function migrate(db: Kysely<Tables>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: 'coach_migration',
    migrationLockTableName: 'coach_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed');
}

async function openPostgres(url: string, poolSize: number): Promise<Store> {
  const location = redactSecrets(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes(), connectionTimeoutMillis: 10_000 });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw new StoreOpenError(
      location,
      reasonOf(err),
      'Check DATABASE_URL (host, port, user, password, database) and that the server is running and reachable.',
    );
  }
  return new SqlStore(db, 'postgres', location);
}

async function openSqlite(dataDir: string): Promise<Store> {
  const file = join(resolve(dataDir), SQLITE_FILE);
  let db: Kysely<Tables> | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const sqlite = new Database(file, { timeout: 5_000 });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateSqlite(sqlite, db);
  } catch (err) {
    await db?.destroy().catch(() => undefined);
    throw new StoreOpenError(
      file,
      reasonOf(err),
      'Set COACH_DATA_DIR to a folder this user can write to (in the image: a volume mounted at /data).',
    );
  }
  return new SqlStore(db, 'sqlite', file);
}

export async function openStore(settings: StoreSettings): Promise<Store> {
  if (settings.databaseUrl !== undefined && settings.databaseUrl !== '') return openPostgres(settings.databaseUrl, settings.poolSize ?? 5);
  return openSqlite(settings.dataDir);
}
