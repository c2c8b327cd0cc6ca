// Versioned migrations, applied at start-up by Kysely's Migrator. On PostgreSQL the Migrator holds
// an advisory lock, so two replicas starting at once apply each migration exactly once; the
// embedded SQLite file belongs to one process. Never edit a migration that has shipped: add one.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { courseMigration } from './course-migration.ts';

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('coach_context')
      .addColumn('key', 'varchar(512)', (c) => c.primaryKey())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('coach_claims')
      .addColumn('key', 'varchar(512)', (c) => c.primaryKey())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('coach_answers')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('platform', 'varchar(32)', (c) => c.notNull())
      .addColumn('intent', 'varchar(128)', (c) => c.notNull())
      .addColumn('unit', 'varchar(192)')
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .addColumn('nearest_intent', 'varchar(128)')
      .addColumn('text', 'text')
      .addColumn('host_used', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('coach_answers_at').on('coach_answers').column('at').execute();
    await db.schema
      .createTable('coach_votes')
      .addColumn('answer_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('voter', 'varchar(256)', (c) => c.notNull())
      .addColumn('vote', 'varchar(8)', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('platform', 'varchar(32)', (c) => c.notNull())
      .addColumn('intent', 'varchar(128)', (c) => c.notNull())
      .addColumn('unit', 'varchar(192)')
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('coach_votes_pk', ['answer_id', 'voter'])
      .execute();
    await db.schema.createIndex('coach_votes_at').on('coach_votes').column('at').execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['coach_votes', 'coach_answers', 'coach_claims', 'coach_context'])
      await sql`drop table if exists ${sql.table(t)}`.execute(db);
  },
};

/** Every migration, oldest first; the names sort in that order. */
export const MIGRATIONS: Record<string, Migration> = {
  '001_initial': initial,
  '002_course': courseMigration,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
