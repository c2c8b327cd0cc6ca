// A broken course stops loading with one error that lists every problem of every file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CourseError, loadCourse } from '../../src/course/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'coach-course-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const good = (id: string, order: number) => `id: ${id}
order: ${order}
title: A lesson
text: Images are blueprints.
try:
  task: Build something and tell me.
questions:
  - id: a
    prompt: Pick one
    choices:
      - text: right
        correct: true
        why: because
      - text: wrong
        why: because not
  - id: b
    prompt: Pick another
    choices:
      - text: right
        correct: true
        why: because
      - text: wrong
        why: because not
links: [concept.image]
`;

describe('loadCourse', () => {
  it('loads lessons in their order, with full question ids', () => {
    const d = mkdtempSync(join(dir, 'ok-'));
    writeFileSync(join(d, 'second.yaml'), good('second', 2));
    writeFileSync(join(d, 'first.yaml'), good('first', 1));
    const course = loadCourse(d);
    expect(course.lessons.map((l) => l.id)).toEqual(['first', 'second']);
    expect(course.question('second/b')?.choices.map((c) => c.correct)).toEqual([true, false]);
  });

  it('reports every problem of every file at once', () => {
    const d = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(
      join(d, 'one.yaml'),
      good('other', 1)
        .replace('        why: because not\n', '')
        .replace(/text: Images.*/, `text: ${'word '.repeat(160)}`),
    );
    writeFileSync(
      join(d, 'two.yaml'),
      good('two', 1)
        .replace(
          '      - text: wrong\n        why: because not\n  - id: b',
          '      - text: wrong\n        correct: true\n        why: x\n  - id: b',
        )
        .replace('[concept.image]', '[concept.nope]'),
    );
    writeFileSync(join(d, 'three.yaml'), 'id: [');
    const err = (() => {
      try {
        loadCourse(d, (l) => l === 'concept.image');
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CourseError);
    const lines = (err as CourseError).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bad-\w+\/one\.yaml: text: must be at most 150 words/),
        expect.stringMatching(/^bad-\w+\/one\.yaml: questions\.0\.choices\.1\.why: is required/),
        expect.stringMatching(/^bad-\w+\/three\.yaml: \(file\): YAML syntax error/),
        expect.stringMatching(/^bad-\w+\/two\.yaml: questions\.0\.choices: must have exactly one correct choice \(has 2\)/),
      ]),
    );
    expect(lines.length).toBeGreaterThanOrEqual(4);
  });

  it('reports an id that does not match its file, a shared order and an unknown link', () => {
    const d = mkdtempSync(join(dir, 'ref-'));
    writeFileSync(join(d, 'one.yaml'), good('other', 1));
    writeFileSync(join(d, 'two.yaml'), good('two', 1).replace('[concept.image]', '[concept.nope/unit]'));
    expect(() => loadCourse(d, (l) => l === 'concept.image')).toThrow(
      /one\.yaml: id: "other" does not match the file name[\s\S]*two\.yaml: order: order 1 is also used by[\s\S]*two\.yaml: links\.0: unknown intent or answer unit "concept\.nope\/unit"/,
    );
  });
});
