// The reminder sender: due reminders go out once with the lesson waiting; a failed send is
// logged and not sent again.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sendDueNudges } from '../../src/course/nudges.ts';
import { courseBed, DAY, realCourse, T0, type CourseBed } from './helpers.ts';

let bed: CourseBed;
beforeEach(async () => {
  bed = await courseBed();
});
afterEach(async () => {
  await bed.close();
});

it('sends each due reminder once, naming the lesson waiting, and never again after a failure', async () => {
  await bed.flow.next('slack:U1', 'slack');
  await bed.flow.next('discord:9', 'discord');
  bed.clock.now = T0 + 3 * DAY;
  const sent: string[] = [];
  const warnings: object[] = [];
  const n = await sendDueNudges(
    bed.flow,
    (nudge, text) =>
      nudge.platform === 'discord' ? Promise.reject(new Error('dm closed')) : (sent.push(`${nudge.user}: ${text}`), Promise.resolve()),
    { warn: (o) => warnings.push(o) },
  );
  expect(n).toBe(1);
  expect(sent).toEqual([
    `slack:U1: Lesson 1, "${realCourse().lessons[0]!.title}", is waiting for you: a few minutes is enough. Say /docker learn to continue, or /docker learn stop for no more reminders.`,
  ]);
  expect(warnings).toEqual([{ err: 'Error: dm closed', user: 'discord:9' }]);
  expect(await sendDueNudges(bed.flow, () => Promise.reject(new Error('no')), { warn: () => undefined })).toBe(0);
});
