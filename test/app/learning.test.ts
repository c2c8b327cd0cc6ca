// The learning loop: what the bot was asked goes to the store after the reply, redacted and
// capped; a store that fails is counted and never stops answering; and `coach report` reads it
// back after a restart (the embedded store, through the real composition root).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createLearningRecorder, MAX_STORED_CHARS, storableText } from '../../src/app/learning.ts';
import type { HandledRecord } from '../../src/core/ports.ts';
import type { AnswerRecord, Store } from '../../src/core/store.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { runMain } from '../helpers/cli.ts';
import { cleanEnv } from '../helpers/spawn.ts';

const logger = createLogger({ level: 'silent', format: 'json', secrets: [] });
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SECRETS = ['ghp_abcdefghijklmnopqrstuvwxyz012345', 'hunter2-Secret!', 'xoxb-1234567890-abcdefghij', 'AKIAABCDEFGHIJKLMNOP'];

function handled(text: string, over: Partial<HandledRecord> = {}): HandledRecord {
  return { platform: 'cli', intent: 'none', kind: 'none', confidence: 0.1, latencyMs: 1, hostUsed: false, text, answerId: 'a-1', ...over };
}

/** A store that keeps what it is given, or fails every write. */
function memoryStore(fail = false): Store & { answers: AnswerRecord[] } {
  const answers: AnswerRecord[] = [];
  const no = () => Promise.reject(new Error('store is down'));
  return {
    answers,
    engine: 'sqlite',
    location: 'memory',
    getContext: () => Promise.resolve(undefined),
    putContext: () => Promise.resolve(),
    claimOnce: () => Promise.resolve(true),
    recordAnswer: (r) => (fail ? no() : (answers.push(r), Promise.resolve())),
    recordVote: () => (fail ? no() : Promise.resolve()),
    readReport: () => Promise.reject(new Error('not here')),
    prune: () => Promise.resolve(0),
    close: () => Promise.resolve(),
  };
}

describe('the learning recorder', () => {
  it('writes after the reply, not during it: nothing reaches the store until the event loop turns', async () => {
    const store = memoryStore();
    const rec = createLearningRecorder(store, { storeQuestions: true }, logger, createMetrics());
    rec.answered(handled('what is a registry'));
    expect(store.answers).toHaveLength(0);
    await rec.flush();
    expect(store.answers).toEqual([expect.objectContaining({ id: 'a-1', text: 'what is a registry', intent: 'none' })]);
  });

  it('redacts secret shapes and caps the text; keeps no text at all when told not to', async () => {
    const store = memoryStore();
    const rec = createLearningRecorder(store, { storeQuestions: true }, logger, createMetrics());
    rec.answered(handled(`login fails with token ${SECRETS[0]!} and DB_PASSWORD=${SECRETS[1]!} ${'x'.repeat(2000)}`));
    const quiet = createLearningRecorder(store, { storeQuestions: false }, logger, createMetrics());
    quiet.answered(handled('a question that must not be kept', { answerId: 'a-2', intent: 'concept.image', confidence: 0.3 }));
    await Promise.all([rec.flush(), quiet.flush()]);
    const [first, second] = store.answers;
    expect(first?.text).toContain('[redacted]');
    for (const s of SECRETS.slice(0, 2)) expect(first?.text).not.toContain(s);
    expect(first?.text?.length).toBeLessThanOrEqual(MAX_STORED_CHARS);
    expect(second).toMatchObject({ id: 'a-2', intent: 'concept.image', confidence: 0.3 });
    expect(second?.text).toBeUndefined();
  });

  it('a store that fails is counted in /metrics and answering goes on', async () => {
    const metrics = createMetrics();
    const rec = createLearningRecorder(memoryStore(true), { storeQuestions: true }, logger, metrics);
    rec.answered(handled('q1'));
    rec.voted({ platform: 'slack', intent: 'concept.image', confidence: 0.9, vote: 'down', conversation: 'c', answerId: 'a-1' });
    await rec.flush();
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/coach_store_errors_total\{what="question"\} 1/);
    expect(text).toMatch(/coach_store_errors_total\{what="vote"\} 1/);
  });

  it('storableText drops control characters', () => {
    expect(storableText('a\u0007b\u001b[31mc')).toBe('a b [31mc');
  });
});

describe('the store through `coach start` and `coach report`', () => {
  it('keeps what was asked across a restart, with no secret in the table, and reports it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coach-learn-'));
    dirs.push(dataDir);
    const env = cleanEnv({ COACH_DATA_DIR: dataDir, COACH_LOG_LEVEL: 'silent' });
    const questions = [
      'what is a docker image',
      `my registry login fails, token ${SECRETS[0]!}`,
      `how do I bake a sourdough bread? password: ${SECRETS[1]!}`,
      'how do I bake sourdough bread at home',
      `slack bot token ${SECRETS[2]!} aws ${SECRETS[3]!} what is the weather in paris`,
    ];
    const chat = await runMain(['start'], { input: `${questions.join('\n')}\n`, env });
    expect(chat.code).toBe(0);

    // Read the table back as it is on disk.
    const db = new Database(join(dataDir, 'coach.sqlite'), { readonly: true });
    const rows = db.prepare('select text, intent from coach_answers').all() as { text: string | null; intent: string }[];
    db.close();
    expect(rows).toHaveLength(questions.length);
    const all = JSON.stringify(rows);
    for (const s of SECRETS) expect(all).not.toContain(s);

    // A later process (a restart) reports them.
    const report = await runMain(['report', '--json', '--since', '1d'], { env });
    expect(report.stderr).toBe('');
    const r = JSON.parse(report.stdout) as {
      since: string;
      questions: number;
      byIntent: { intent: string; answered: number; none: number; down: number }[];
      unanswered: { nearestIntent: string | null; count: number; examples: string[] }[];
    };
    expect(r.questions).toBe(questions.length);
    expect(r.byIntent.find((b) => b.intent === 'concept.image')?.answered).toBeGreaterThanOrEqual(1);
    // Both bread questions are reported as not answered. Which group each joins follows the intent that
    // came nearest, and for an off-topic question that is the classifier's faint runner-up (the first
    // one, with "password:", leans to the registry topic since the login unit): the grouping itself is
    // tested in test/core/report.test.ts, not through the model's noise here.
    const bread = r.unanswered.filter((g) => g.examples.some((e) => e.includes('sourdough')));
    expect(bread.reduce((n, g) => n + g.count, 0)).toBe(2);
    expect(bread.flatMap((g) => g.examples).filter((e) => e.includes('sourdough'))).toHaveLength(2);
    expect(JSON.stringify(r)).not.toMatch(/ghp_|hunter2|xoxb-|AKIA/);

    const plain = await runMain(['report', '--since', '1d'], { env });
    expect(plain.stdout).toMatch(/Questions since \d{4}-\d{2}-\d{2}: 5/);
    expect(plain.stdout).toContain('Not answered well yet');
  });

  it('a follow-up after a restart keeps its context (the embedded store holds it)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coach-context-'));
    dirs.push(dataDir);
    const env = cleanEnv({ COACH_DATA_DIR: dataDir, COACH_LOG_LEVEL: 'silent' });
    const first = await runMain(['start'], { input: 'how do I delete an image\n', env });
    expect(first.stdout).toContain('docker rmi');
    // A new process: the turn comes back from the store, so the elliptical follow-up turns to containers.
    const after = await runMain(['start'], { input: 'what about containers?\n', env });
    expect(after.stdout).toContain('docker rm');
    expect(after.stdout).toMatch(/Stopping and removing containers/);
    // Without the first process's turn (a fresh store), the same follow-up has no topic to turn.
    const fresh = await runMain(['start'], { input: 'what about containers?\n', env: cleanEnv({ COACH_LOG_LEVEL: 'silent' }) });
    expect(fresh.stdout).not.toMatch(/Stopping and removing containers/);
  });

  it('a store that cannot be opened stops `coach start` with one clear message', async () => {
    const env = cleanEnv({ DATABASE_URL: 'postgres://coach:Sup3rSecret@127.0.0.1:1/nowhere' });
    const r = await runMain(['start'], { input: 'hello\n', env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/coach: Could not open the store at postgres:\/\/coach:\[redacted\]@127\.0\.0\.1:1\/nowhere: .*DATABASE_URL/);
    expect(r.stderr).not.toContain('Sup3rSecret');
  });
});
