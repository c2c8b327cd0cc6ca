// Part of the composition root: the onboarding course on the store (COACH_DATA_DIR), for `coach learn`, `coach report --learning` and the chat adapters.
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import { createLearning, type Learning } from '../course/learning.ts';
import { loadCourse } from '../course/load.ts';
import { courseProgressFor } from '../store/course-store.ts';
import { openConfiguredStore } from './store.ts';

export const COURSE_DIR = fileURLToPath(new URL('../../course', import.meta.url));

export async function openLearning(config: Config, now: () => number = Date.now): Promise<Learning> {
  const course = loadCourse(COURSE_DIR);
  const store = await openConfiguredStore(config);
  return createLearning({
    course,
    progress: courseProgressFor(store),
    now,
    nudgeDays: config.COACH_ONBOARDING_NUDGE_DAYS,
    close: () => store.close(),
  });
}
