// The course on a real embedded store (a SQLite file in a temporary folder) with a clock the test
// moves: the flow's tests and the adapters' course tests share it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../src/core/store.ts';
import { CourseFlow } from '../../src/course/flow.ts';
import { loadCourse } from '../../src/course/load.ts';
import type { Course, QuizQuestion } from '../../src/course/types.ts';
import { courseProgressFor } from '../../src/store/course-store.ts';
import { openStore } from '../../src/store/open.ts';

export const COURSE_DIR = fileURLToPath(new URL('../../course', import.meta.url));
export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

let course: Course | undefined;
export const realCourse = (): Course => (course ??= loadCourse(COURSE_DIR));

/** 1-based number of the right (or a wrong) choice. */
export const rightChoice = (q: QuizQuestion) => q.choices.findIndex((c) => c.correct) + 1;
export const wrongChoice = (q: QuizQuestion) => q.choices.findIndex((c) => !c.correct) + 1;

export interface Clock {
  now: number;
}

export interface CourseBed {
  dir: string;
  clock: Clock;
  store: Store;
  flow: CourseFlow;
  /** Closes the store and opens the same file again (a restart); the flow is rebuilt on it. */
  restart(): Promise<void>;
  /** Another flow on a second handle to the same file (another replica). */
  replica(): Promise<{ flow: CourseFlow; close: () => Promise<void> }>;
  close(): Promise<void>;
}

export async function courseBed(nudgeDays = 3): Promise<CourseBed> {
  const dir = mkdtempSync(join(tmpdir(), 'coach-course-'));
  const clock: Clock = { now: T0 };
  const flowOn = (s: Store) => new CourseFlow({ course: realCourse(), progress: courseProgressFor(s), now: () => clock.now, nudgeDays });
  const bed: CourseBed = {
    dir,
    clock,
    store: await openStore({ dataDir: dir }),
    flow: undefined as unknown as CourseFlow,
    async restart() {
      await bed.store.close();
      bed.store = await openStore({ dataDir: dir });
      bed.flow = flowOn(bed.store);
    },
    async replica() {
      const s = await openStore({ dataDir: dir });
      return { flow: flowOn(s), close: () => s.close() };
    },
    async close() {
      await bed.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  bed.flow = flowOn(bed.store);
  return bed;
}
