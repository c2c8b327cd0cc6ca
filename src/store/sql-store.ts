// The one implementation of the Store port: the same Kysely queries on SQLite and PostgreSQL
// (no hand-kept copy per dialect). Upserts use ON CONFLICT, which both engines speak.
import { sql, type Kysely } from 'kysely';
import type { AnswerRecord, ReportData, Store, VoteRecord } from '../core/store.ts';
import type { Tables } from './tables.ts';

const DAY_MS = 86_400_000;
/** Answers that are not a question the bot failed on (bad input, an internal error). */
const QUIET_KINDS = ['input_problem', 'error'];

export class SqlStore implements Store {
  constructor(
    /** Shared with the course's progress store (src/store/course-store.ts): one connection pool. */
    readonly db: Kysely<Tables>,
    readonly engine: 'sqlite' | 'postgres',
    readonly location: string,
  ) {}

  async getContext(key: string, now: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('coach_context')
      .select(['payload', 'expires_at'])
      .where('key', '=', key)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row?.payload;
  }

  async putContext(key: string, payload: string, expiresAt: number): Promise<void> {
    await this.db
      .insertInto('coach_context')
      .values({ key, payload, expires_at: expiresAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ payload, expires_at: expiresAt }))
      .execute();
  }

  async claimOnce(key: string, expiresAt: number, now: number): Promise<boolean> {
    // A new key is inserted; an expired one is taken over; a live one is left alone (0 rows).
    const result = await this.db
      .insertInto('coach_claims')
      .values({ key, expires_at: expiresAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ expires_at: expiresAt }).where('coach_claims.expires_at', '<=', now))
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async recordAnswer(r: AnswerRecord): Promise<void> {
    await this.db
      .insertInto('coach_answers')
      .values({
        id: r.id,
        at: r.at,
        platform: r.platform,
        intent: r.intent,
        unit: r.unit ?? null,
        kind: r.kind,
        confidence: r.confidence,
        nearest_intent: r.nearestIntent ?? null,
        text: r.text ?? null,
        host_used: r.hostUsed ? 1 : 0,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async recordVote(r: VoteRecord): Promise<void> {
    const row = {
      answer_id: r.answerId,
      voter: r.voter,
      vote: r.vote,
      at: r.at,
      platform: r.platform,
      intent: r.intent,
      unit: r.unit ?? null,
      confidence: r.confidence,
    };
    await this.db
      .insertInto('coach_votes')
      .values(row)
      .onConflict((oc) => oc.columns(['answer_id', 'voter']).doUpdateSet({ vote: r.vote, at: r.at }))
      .execute();
  }

  async readReport(since: number, lowBelow: number, maxUnanswered: number): Promise<ReportData> {
    const day = sql<number | string>`${sql.ref('at')} / ${sql.lit(DAY_MS)}`;
    const perDay = await this.db
      .selectFrom('coach_answers')
      .select([day.as('day'), (eb) => eb.fn.countAll<number | string>().as('questions')])
      .where('at', '>=', since)
      .groupBy(day)
      .orderBy(day)
      .execute();
    const low = sql<
      number | string
    >`sum(case when ${sql.ref('intent')} <> 'none' and ${sql.ref('confidence')} < ${lowBelow} then 1 else 0 end)`;
    const answered = await this.db
      .selectFrom('coach_answers')
      .select(['intent', (eb) => eb.fn.countAll<number | string>().as('answered'), low.as('low')])
      .where('at', '>=', since)
      .groupBy('intent')
      .execute();
    const downs = await this.db
      .selectFrom('coach_votes')
      .select(['intent', (eb) => eb.fn.countAll<number | string>().as('down')])
      .where('at', '>=', since)
      .where('vote', '=', 'down')
      .groupBy('intent')
      .execute();
    const noneByNearest = await this.db
      .selectFrom('coach_answers')
      .select(['nearest_intent', (eb) => eb.fn.countAll<number | string>().as('none')])
      .where('at', '>=', since)
      .where('intent', '=', 'none')
      .where('nearest_intent', 'is not', null)
      .groupBy('nearest_intent')
      .execute();
    const unanswered = await this.unanswered(since, lowBelow, maxUnanswered);
    const downBy = new Map(downs.map((d) => [d.intent, Number(d.down)]));
    const intents = new Set([...answered.map((a) => a.intent), ...downBy.keys()]);
    const perIntent = [...intents].map((intent) => {
      const a = answered.find((x) => x.intent === intent);
      return { intent, answered: Number(a?.answered ?? 0), low: Number(a?.low ?? 0), down: downBy.get(intent) ?? 0 };
    });
    return {
      perDay: perDay.map((d) => ({ day: Math.floor(Number(d.day)), questions: Number(d.questions) })),
      perIntent,
      noneByNearest: noneByNearest.flatMap((n) => (n.nearest_intent === null ? [] : [{ intent: n.nearest_intent, none: Number(n.none) }])),
      unanswered,
      questions: perDay.reduce((n, d) => n + Number(d.questions), 0),
    };
  }

  private async unanswered(since: number, lowBelow: number, max: number): Promise<ReportData['unanswered']> {
    const weak = await this.db
      .selectFrom('coach_answers')
      .select(['text', 'intent', 'nearest_intent', 'confidence'])
      .where('at', '>=', since)
      .where((eb) => eb.or([eb('intent', '=', 'none'), eb('confidence', '<', lowBelow)]))
      .where('kind', 'not in', QUIET_KINDS)
      .orderBy('at', 'desc')
      .limit(max)
      .execute();
    const downVoted = await this.db
      .selectFrom('coach_votes')
      .innerJoin('coach_answers', 'coach_answers.id', 'coach_votes.answer_id')
      .select(['coach_answers.text', 'coach_answers.intent', 'coach_answers.nearest_intent'])
      .where('coach_votes.at', '>=', since)
      .where('coach_votes.vote', '=', 'down')
      .orderBy('coach_votes.at', 'desc')
      .limit(max)
      .execute();
    return [
      ...weak.map((r) => ({
        text: r.text,
        intent: r.intent,
        nearestIntent: r.nearest_intent,
        reason: r.intent === 'none' ? ('none' as const) : ('low' as const),
      })),
      ...downVoted.map((r) => ({ text: r.text, intent: r.intent, nearestIntent: r.nearest_intent, reason: 'down' as const })),
    ].slice(0, max);
  }

  async prune(before: number, now: number): Promise<number> {
    const results = await Promise.all([
      this.db.deleteFrom('coach_votes').where('at', '<', before).executeTakeFirst(),
      this.db.deleteFrom('coach_answers').where('at', '<', before).executeTakeFirst(),
      this.db.deleteFrom('coach_context').where('expires_at', '<=', now).executeTakeFirst(),
      this.db.deleteFrom('coach_claims').where('expires_at', '<=', now).executeTakeFirst(),
    ]);
    return results.reduce((n, r) => n + Number(r.numDeletedRows), 0);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
