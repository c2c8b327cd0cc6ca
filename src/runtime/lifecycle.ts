// The life of a question after its platform acknowledged it, written once for every adapter:
// admission (per-person and overall limits, with a polite "busy" answer), a queue worked a
// few at a time, the answer's time limit, and a graceful stop. Every question that gets in is
// delivered exactly once: its answer, or a short notice (busy, timed out, restarting) through
// the same channel. An adapter supplies only the Delivery: how to send an answer or a notice.
// Imports only core types: adapters import this, never the other way round.
import type { BotHandle, FeedbackRecord } from '../core/ports.ts';
import type { Answer, Question } from '../core/types.ts';
import { TIMED_OUT, within } from './deadline.ts';

export type NoticeKind = 'busy' | 'restarting' | 'timeout' | 'failed';

export const NOTICE_TEXT: Record<Exclude<NoticeKind, 'timeout'>, string> = {
  busy: "I'm busy right now — please try again in a moment.",
  restarting: "I'm restarting — please ask again in a minute.",
  failed: 'Something went wrong on my side. Nothing on any Docker host was changed; please try again.',
};

export function timeoutText(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return `The Docker engine did not answer in time (${s} s), so I have no answer for this one. Nothing was changed; please try again in a moment.`;
}

/** How an adapter sends what the lifecycle decides. Both methods may throw (logged, not retried). */
export interface Delivery {
  /** The answer (null: the core chose not to reply, e.g. the author is a bot). */
  answer(a: Answer | null): Promise<void>;
  /** A short notice instead of an answer. */
  notice(kind: NoticeKind, text: string): Promise<void>;
  /** Runs when a worker picks the question up, before answering (Slack: let pending acks out first). */
  beforeWork?(): Promise<void>;
  /** Runs once when nothing was delivered `afterMs` after the question arrived (Discord: defer). */
  late?: { afterMs: number; run(): Promise<void> };
}

export interface Limits {
  /** Questions one person may have held (queued or being answered) at once. */
  perUser: number;
  /** Questions held at once in the whole process. */
  total: number;
  /** Answers worked on at once (the rest wait in the queue). */
  concurrency: number;
}

export const DEFAULT_LIMITS: Limits = { perUser: 5, total: 100, concurrency: 8 };
export const DEFAULT_ANSWER_TIMEOUT_MS = 12_000;

export interface LifecycleEvents {
  busy?(q: Question, scope: 'user' | 'total'): void;
  notice?(q: Question, kind: NoticeKind): void;
  held?(n: number): void;
  deliveryFailed?(err: unknown, q: Question): void;
}

export interface LifecycleOptions {
  bot: BotHandle;
  limits?: Partial<Limits>;
  answerTimeoutMs?: number;
  events?: LifecycleEvents;
}

/** What an adapter needs: ask (fire and forget: the promise never rejects) and feedback. */
export interface Answering {
  ask(q: Question & { fromBot?: boolean }, d: Delivery): Promise<void>;
  feedback(r: FeedbackRecord): void;
  readonly stopping: boolean;
}

export interface StopOptions {
  /** How long answers in flight and queued get to finish. */
  graceMs: number;
  /** Then, how long the "restarting" notices get to go out. */
  noticeMs: number;
}

export const DEFAULT_STOP: StopOptions = { graceMs: 5000, noticeMs: 3000 };

export interface LifecycleStats {
  held: number;
  peakHeld: number;
  working: number;
  queued: number;
  answered: number;
  notices: Record<NoticeKind, number>;
  deliveryFailures: number;
}

export interface Lifecycle extends Answering {
  /** Counts other work (the terminal chat's answer) as in flight, so stop() waits for it. */
  track<T>(work: () => Promise<T>): Promise<T>;
  /** Refuses new questions (they are told to ask again), finishes or notifies the rest. Idempotent. */
  stop(o?: Partial<StopOptions>): Promise<void>;
  stats(): LifecycleStats;
}

interface Job {
  q: Question & { fromBot?: boolean };
  d: Delivery;
  user: string;
  settled: boolean;
  released: boolean;
  lateTimer?: NodeJS.Timeout;
  late?: Promise<void>;
  done: () => void;
}

export function createLifecycle(o: LifecycleOptions): Lifecycle {
  const limits: Limits = { ...DEFAULT_LIMITS, ...o.limits };
  const answerTimeoutMs = o.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS;
  const ev = o.events ?? {};
  const queue: Job[] = [];
  const pending = new Set<Job>();
  const sending = new Set<Promise<void>>();
  const perUser = new Map<string, number>();
  const idleWaiters: (() => void)[] = [];
  const stats: LifecycleStats = {
    held: 0,
    peakHeld: 0,
    working: 0,
    queued: 0,
    answered: 0,
    notices: { busy: 0, restarting: 0, timeout: 0, failed: 0 },
    deliveryFailures: 0,
  };
  let tracked = 0;
  let stopping: Promise<void> | undefined;

  const notifyIdle = () => {
    if (pending.size === 0 && tracked === 0) for (const w of idleWaiters.splice(0)) w();
  };
  const idle = () => (pending.size === 0 && tracked === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r)));

  function hold(job: Job): void {
    stats.held++;
    stats.peakHeld = Math.max(stats.peakHeld, stats.held);
    perUser.set(job.user, (perUser.get(job.user) ?? 0) + 1);
    ev.held?.(stats.held);
  }

  function release(job: Job): void {
    if (job.released) return;
    job.released = true;
    stats.held--;
    const n = (perUser.get(job.user) ?? 1) - 1;
    if (n > 0) perUser.set(job.user, n);
    else perUser.delete(job.user);
    ev.held?.(stats.held);
  }

  /** Delivers `send` for `job` unless something was delivered already: exactly once per question. */
  function settle(job: Job, send: () => Promise<void>): boolean {
    if (job.settled) return false;
    job.settled = true;
    clearTimeout(job.lateTimer);
    pending.delete(job);
    const p = (async () => {
      await job.late;
      await send();
    })().catch((err: unknown) => {
      stats.deliveryFailures++;
      ev.deliveryFailed?.(err, job.q);
    });
    sending.add(p);
    void p.finally(() => {
      sending.delete(p);
      job.done();
    });
    notifyIdle();
    return true;
  }

  function notice(job: Job, kind: NoticeKind): void {
    if (job.settled) return;
    stats.notices[kind]++;
    ev.notice?.(job.q, kind);
    const text = kind === 'timeout' ? timeoutText(answerTimeoutMs) : NOTICE_TEXT[kind];
    settle(job, () => job.d.notice(kind, text));
  }

  function pump(): void {
    while (stats.working < limits.concurrency) {
      const job = queue.shift();
      if (!job) break;
      stats.queued = queue.length;
      if (job.settled) {
        release(job);
        continue;
      }
      stats.working++;
      void work(job);
    }
  }

  async function work(job: Job): Promise<void> {
    let slotFreed = false;
    const freeSlot = () => {
      if (slotFreed) return;
      slotFreed = true;
      stats.working--;
      pump();
    };
    try {
      await job.d.beforeWork?.().catch(() => undefined);
      if (job.settled) return;
      const handling = o.bot.handle(job.q).then(
        (a) => ({ ok: true as const, a }),
        (err: unknown) => ({ ok: false as const, err }),
      );
      const r = await within(handling, answerTimeoutMs);
      if (r === TIMED_OUT) {
        notice(job, 'timeout');
        // The queue moves on; the abandoned answer still counts as held until it settles.
        freeSlot();
        await handling;
      } else if (!r.ok) {
        ev.deliveryFailed?.(r.err, job.q);
        notice(job, 'failed');
      } else if (settle(job, () => job.d.answer(r.a))) stats.answered++;
    } finally {
      freeSlot();
      release(job);
    }
  }

  function ask(q: Question & { fromBot?: boolean }, d: Delivery): Promise<void> {
    return new Promise<void>((done) => {
      const job: Job = { q, d, user: `${q.platform}:${q.userId ?? q.conversation}`, settled: false, released: true, done };
      pending.add(job);
      if (stopping) {
        notice(job, 'restarting');
        return;
      }
      const scope = (perUser.get(job.user) ?? 0) >= limits.perUser ? 'user' : stats.held >= limits.total ? 'total' : null;
      if (scope) {
        ev.busy?.(q, scope);
        notice(job, 'busy');
        return;
      }
      job.released = false;
      hold(job);
      if (d.late) {
        const late = d.late;
        job.lateTimer = setTimeout(() => {
          if (!job.settled) job.late = late.run().catch((err: unknown) => ev.deliveryFailed?.(err, q));
        }, late.afterMs);
      }
      queue.push(job);
      stats.queued = queue.length;
      pump();
    });
  }

  async function stopNow(so: StopOptions): Promise<void> {
    // New questions are told to ask again from here on; those already in get the grace period.
    if ((await within(idle(), so.graceMs)) === TIMED_OUT)
      for (const job of [...pending]) {
        notice(job, 'restarting');
      }
    for (const job of queue.splice(0)) release(job);
    stats.queued = 0;
    await within(Promise.allSettled([...sending]), so.noticeMs);
  }

  return {
    ask,
    feedback: (r) => {
      o.bot.feedback(r);
    },
    get stopping() {
      return stopping !== undefined;
    },
    async track(w) {
      tracked++;
      try {
        return await w();
      } finally {
        tracked--;
        notifyIdle();
      }
    },
    stop(so = {}) {
      stopping ??= stopNow({ ...DEFAULT_STOP, ...so });
      return stopping;
    },
    stats: () => ({ ...stats, notices: { ...stats.notices } }),
  };
}
