// Part of the composition root: the onboarding course on the store — for `coach learn` and
// `coach report --learning` (openLearning, a store of its own per command) and for `coach start`
// (courseOn: the store the bot already opened, so one process holds one store), plus the timer
// that sends the one reminder through each platform's sender (startNudges).
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import type { Store } from '../core/store.ts';
import type { CourseFlow, Nudge } from '../course/flow.ts';
import { createLearning, type Learning } from '../course/learning.ts';
import { loadCourse } from '../course/load.ts';
import { sendDueNudges } from '../course/nudges.ts';
import { courseProgressFor } from '../store/course-store.ts';
import { openConfiguredStore } from './store.ts';

export const COURSE_DIR = fileURLToPath(new URL('../../course', import.meta.url));
/** How often `coach start` looks for due reminders; the reminder itself waits days. */
export const NUDGE_EVERY_MS = 10 * 60_000;

export async function openLearning(config: Config, now: () => number = Date.now): Promise<Learning> {
  const store = await openConfiguredStore(config);
  return createLearning({
    course: loadCourse(COURSE_DIR),
    progress: courseProgressFor(store),
    now,
    nudgeDays: config.COACH_ONBOARDING_NUDGE_DAYS,
    close: () => store.close(),
  });
}

/** The course on a store someone else owns (`coach start`): closing it leaves the store open. */
export function courseOn(store: Store, config: Config, now: () => number = Date.now): Learning {
  return createLearning({
    course: loadCourse(COURSE_DIR),
    progress: courseProgressFor(store),
    now,
    nudgeDays: config.COACH_ONBOARDING_NUDGE_DAYS,
    close: () => Promise.resolve(),
  });
}

export type NudgeSender = (n: Nudge, text: string) => Promise<void>;

interface NudgeLog {
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/**
 * Sends the due reminders now and every `everyMs` (unref'd: it never keeps the process up), one
 * round at a time. Each reminder is claimed in the store before it is sent, so of several
 * replicas exactly one sends it, once. A person on a platform without a sender here is logged.
 * Returns the stop function, which resolves when a round in progress has finished (before the
 * store closes).
 */
export function startNudges(
  flow: CourseFlow,
  senders: Readonly<Record<string, NudgeSender>>,
  log: NudgeLog,
  everyMs: number = NUDGE_EVERY_MS,
): () => Promise<void> {
  const send: NudgeSender = async (n, text) => {
    const to = senders[n.platform];
    if (!to) throw new Error(`no way to message ${n.platform} users from this process`);
    await to(n, text);
  };
  let running: Promise<void> | null = null;
  const round = () => {
    if (running) return;
    running = sendDueNudges(flow, send, log)
      .then((sent) => {
        if (sent > 0) log.info({ sent }, 'course: reminders sent');
        else log.debug({ sent }, 'course: reminders checked');
      })
      .catch((err: unknown) => {
        log.warn({ err: String(err) }, 'course: could not check reminders; will try again');
      })
      .finally(() => {
        running = null;
      });
  };
  round();
  const timer = setInterval(round, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
