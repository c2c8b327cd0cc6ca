// Migration 002: the onboarding course's tables (src/store/course-store.ts). Portable column types
// only, like 001; booleans are 0/1 integers, times epoch milliseconds.
import { sql, type Kysely, type Migration } from 'kysely';

export const courseMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('coach_course_enrolments')
      .addColumn('user_id', 'varchar(256)', (c) => c.primaryKey())
      .addColumn('platform', 'varchar(32)', (c) => c.notNull())
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addColumn('last_active_at', 'bigint', (c) => c.notNull())
      .addColumn('opted_out', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('finished_at', 'bigint')
      .execute();
    await db.schema
      .createTable('coach_course_answers')
      .addColumn('user_id', 'varchar(256)', (c) => c.notNull())
      .addColumn('question_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('choice', 'integer', (c) => c.notNull())
      .addColumn('correct', 'integer', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('coach_course_answers_user').on('coach_course_answers').column('user_id').execute();
    await db.schema
      .createTable('coach_course_tasks')
      .addColumn('user_id', 'varchar(256)', (c) => c.notNull())
      .addColumn('lesson_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('how', 'varchar(8)', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('coach_course_tasks_pk', ['user_id', 'lesson_id'])
      .execute();
    // One-time messages (the welcome, the one reminder): a row means it was claimed, forever.
    await db.schema
      .createTable('coach_course_once')
      .addColumn('key', 'varchar(320)', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['coach_course_once', 'coach_course_tasks', 'coach_course_answers', 'coach_course_enrolments'])
      await sql`drop table if exists ${sql.table(t)}`.execute(db);
  },
};
