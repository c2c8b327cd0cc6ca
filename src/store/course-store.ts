// The course's progress (src/course/ports.ts) on the SQL store: the same Kysely queries on SQLite
// and PostgreSQL, over the store's own connection, so progress survives restarts and replicas
// share it. Tables come from migration 002 (course-migration.ts).
import type { Kysely } from 'kysely';
import type { Store } from '../core/store.ts';
import type { CourseProgress, Enrolment, QuestionTally, QuizAnswer, TaskDone } from '../course/ports.ts';
import { SqlStore } from './sql-store.ts';

// A type, not an interface: Kysely's withTables() needs an indexable record type.
type CourseTables = {
  coach_course_enrolments: {
    user_id: string;
    platform: string;
    joined_at: number;
    last_active_at: number;
    opted_out: number;
    finished_at: number | null;
  };
  coach_course_answers: { user_id: string; question_id: string; choice: number; correct: number; at: number };
  coach_course_tasks: { user_id: string; lesson_id: string; how: 'host' | 'self'; at: number };
  coach_course_once: { key: string; at: number };
};

type EnrolmentRow = CourseTables['coach_course_enrolments'];

function toEnrolment(r: EnrolmentRow): Enrolment {
  return {
    user: r.user_id,
    platform: r.platform,
    joinedAt: r.joined_at,
    lastActiveAt: r.last_active_at,
    optedOut: r.opted_out === 1,
    finishedAt: r.finished_at,
  };
}

export class SqlCourseProgress implements CourseProgress {
  constructor(private readonly db: Kysely<CourseTables>) {}

  async enrol(user: string, platform: string, at: number): Promise<Enrolment> {
    await this.db
      .insertInto('coach_course_enrolments')
      .values({ user_id: user, platform, joined_at: at, last_active_at: at, opted_out: 0, finished_at: null })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    const e = await this.enrolment(user);
    if (!e) throw new Error('enrolment vanished');
    return e;
  }

  async enrolment(user: string): Promise<Enrolment | undefined> {
    const r = await this.db.selectFrom('coach_course_enrolments').selectAll().where('user_id', '=', user).executeTakeFirst();
    return r ? toEnrolment(r) : undefined;
  }

  async enrolments(): Promise<Enrolment[]> {
    const rows = await this.db.selectFrom('coach_course_enrolments').selectAll().orderBy('joined_at').orderBy('user_id').execute();
    return rows.map(toEnrolment);
  }

  async recordAnswer(a: QuizAnswer): Promise<void> {
    await this.db
      .insertInto('coach_course_answers')
      .values({ user_id: a.user, question_id: a.questionId, choice: a.choice, correct: a.correct ? 1 : 0, at: a.at })
      .execute();
    await this.touch(a.user, a.at);
  }

  async answers(user: string): Promise<QuizAnswer[]> {
    const rows = await this.db.selectFrom('coach_course_answers').selectAll().where('user_id', '=', user).orderBy('at').execute();
    return rows.map((r) => ({
      user: r.user_id,
      questionId: r.question_id,
      choice: r.choice,
      correct: r.correct === 1,
      at: r.at,
    }));
  }

  async recordTask(t: TaskDone): Promise<void> {
    await this.db
      .insertInto('coach_course_tasks')
      .values({ user_id: t.user, lesson_id: t.lessonId, how: t.how, at: t.at })
      .onConflict((oc) => oc.columns(['user_id', 'lesson_id']).doUpdateSet({ how: t.how, at: t.at }))
      .execute();
  }

  async tasks(user: string): Promise<TaskDone[]> {
    const rows = await this.db.selectFrom('coach_course_tasks').selectAll().where('user_id', '=', user).orderBy('at').execute();
    return rows.map((r) => ({ user: r.user_id, lessonId: r.lesson_id, how: r.how, at: r.at }));
  }

  async setOptedOut(user: string, optedOut: boolean): Promise<void> {
    await this.db
      .updateTable('coach_course_enrolments')
      .set({ opted_out: optedOut ? 1 : 0 })
      .where('user_id', '=', user)
      .execute();
  }

  async markFinished(user: string, at: number): Promise<void> {
    await this.db
      .updateTable('coach_course_enrolments')
      .set({ finished_at: at })
      .where('user_id', '=', user)
      .where('finished_at', 'is', null)
      .execute();
  }

  async touch(user: string, at: number): Promise<void> {
    await this.db
      .updateTable('coach_course_enrolments')
      .set({ last_active_at: at })
      .where('user_id', '=', user)
      .where('last_active_at', '<', at)
      .execute();
  }

  async claimForever(key: string, at: number): Promise<boolean> {
    const r = await this.db
      .insertInto('coach_course_once')
      .values({ key, at })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async tallies(): Promise<QuestionTally[]> {
    const rows = await this.db
      .selectFrom('coach_course_answers')
      .select([
        'question_id',
        (eb) => eb.fn.countAll<number | string>().as('answered'),
        (eb) => eb.fn.sum<number | string>('correct').as('correct'),
      ])
      .groupBy('question_id')
      .execute();
    return rows.map((r) => ({ questionId: r.question_id, answered: Number(r.answered), correct: Number(r.correct) }));
  }
}

/** The course's progress on the same database (and connection) as `store`. */
export function courseProgressFor(store: Store): CourseProgress {
  if (!(store instanceof SqlStore)) throw new Error('the course needs the SQL store (src/store/open.ts)');
  return new SqlCourseProgress(store.db.withTables<CourseTables>());
}
