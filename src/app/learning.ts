// The learning loop's writer (part of the composition root): every handled question and every
// 👍/👎 goes to the store after the reply has gone out — never before, never awaited by the
// answer. Question text is redacted for secret shapes and capped, or not kept at all with
// COACH_STORE_QUESTIONS=false. Writes that fail are logged and counted; answering goes on.
// Pending writes are bounded: past the bound a write is dropped (and counted), not queued.
import { randomUUID } from 'node:crypto';
import type { FeedbackRecord, HandledRecord } from '../core/ports.ts';
import type { Store } from '../core/store.ts';
import { redactSecrets } from '../host/redact.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';

/** Longest question text kept (after redaction). */
export const MAX_STORED_CHARS = 500;
const MAX_PENDING = 1_000;

export interface LearningSettings {
  storeQuestions: boolean;
  now?: () => number;
}

export interface LearningRecorder {
  answered(r: HandledRecord): void;
  voted(r: FeedbackRecord): void;
  /** Resolves when every write started so far has finished (shutdown, tests). */
  flush(): Promise<void>;
}

/** The text as the store keeps it: secrets redacted, control characters dropped, capped. */
export function storableText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = redactSecrets(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  return clean.length > MAX_STORED_CHARS ? `${clean.slice(0, MAX_STORED_CHARS - 1)}…` : clean;
}

export function createLearningRecorder(store: Store, settings: LearningSettings, logger: Logger, metrics: Metrics): LearningRecorder {
  const now = settings.now ?? Date.now;
  const pending = new Set<Promise<void>>();

  function write(what: string, job: () => Promise<void>): void {
    if (pending.size >= MAX_PENDING) {
      metrics.storeError('dropped');
      return;
    }
    // Started on the next turn of the event loop: the reply is already on its way.
    const p = new Promise<void>((resolve) => setImmediate(resolve))
      .then(job)
      .catch((err: unknown) => {
        metrics.storeError(what);
        logger.warn({ err, engine: store.engine }, `store: could not record the ${what}`);
      })
      .finally(() => pending.delete(p));
    pending.add(p);
  }

  return {
    answered(r) {
      write('question', () =>
        store.recordAnswer({
          id: r.answerId ?? randomUUID(),
          at: now(),
          platform: r.platform,
          intent: r.intent,
          ...(r.unit ? { unit: r.unit } : {}),
          kind: r.kind,
          confidence: r.confidence,
          ...(r.nearestIntent ? { nearestIntent: r.nearestIntent } : {}),
          ...(settings.storeQuestions && r.text.trim() !== '' ? { text: storableText(r.text) } : {}),
          hostUsed: r.hostUsed,
        }),
      );
    },
    voted(r) {
      if (!r.answerId) return; // a vote we cannot tie to an answer teaches nothing
      const answerId = r.answerId;
      write('vote', () =>
        store.recordVote({
          answerId,
          voter: r.userId ?? r.conversation,
          vote: r.vote,
          at: now(),
          platform: r.platform,
          intent: r.intent,
          ...(r.unit ? { unit: r.unit } : {}),
          confidence: r.confidence,
        }),
      );
    },
    async flush() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
