// Sends the reminders that are due, each already claimed once across replicas by the flow. Run it
// on a timer (e.g. hourly) from the composition root with each platform's way to message a person.
import type { CourseFlow, Nudge } from './flow.ts';

export function nudgeText(n: Nudge): string {
  const what = n.lesson ? `Lesson ${n.lesson.order}, "${n.lesson.title}", is waiting for you` : 'Your Docker course is waiting for you';
  return `${what}: a few minutes is enough. Say /docker learn to continue, or /docker learn stop for no more reminders.`;
}

/** Sends every due reminder through `send` (by platform); a failed send is logged, not retried (one reminder, never more). */
export async function sendDueNudges(
  flow: CourseFlow,
  send: (n: Nudge, text: string) => Promise<void>,
  log: { warn(obj: object, msg?: string): void },
): Promise<number> {
  let sent = 0;
  for (const n of await flow.dueNudges()) {
    try {
      await send(n, nudgeText(n));
      sent++;
    } catch (err) {
      log.warn({ err: String(err), user: n.user }, 'course: could not send a reminder');
    }
  }
  return sent;
}
