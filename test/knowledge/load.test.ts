import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function intent(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    title: `About ${id}`,
    examples: Array.from({ length: 20 }, (_, i) => `question ${i} about ${id}`),
    answer: `The answer for **${id}**.`,
    followups: [],
    commands: ['docker ps'],
    action: 'article',
    area: 'concept',
    ...over,
  };
}

/** Builds `<tmp>/intents/` with the given files (objects are written as YAML, strings as-is). */
function kb(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'coach-kb-'));
  dirs.push(root);
  const dir = join(root, 'intents');
  mkdirSync(dir);
  for (const [name, body] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof body === 'string' ? body : stringify(body));
  }
  return dir;
}

function problemsOf(dir: string) {
  try {
    loadKnowledge(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    return err as KnowledgeError;
  }
  throw new Error('expected loadKnowledge to throw');
}

describe('loadKnowledge', () => {
  it('loads a valid knowledge base and looks intents up by id', () => {
    const dir = kb({
      'concept.image.yaml': intent('concept.image', { followups: ['concept.container'] }),
      'concept.container.yaml': intent('concept.container', { followups: ['concept.image'] }),
    });
    const k = loadKnowledge(dir);
    expect(k.intents.map((i) => i.id).sort()).toEqual(['concept.container', 'concept.image']);
    expect(k.get('concept.image')?.followups).toEqual(['concept.container']);
    expect(k.get('nope.nope')).toBeUndefined();
  });

  it('ignores files that are not *.yaml', () => {
    const dir = kb({ 'concept.image.yaml': intent('concept.image'), 'README.md': '# notes', 'x.yml.bak': 'junk: [' });
    expect(loadKnowledge(dir).intents).toHaveLength(1);
  });

  const cases: [string, Record<string, unknown>, { field: string; message: RegExp }][] = [
    ['too few examples', { examples: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, { field: 'examples', message: /at least 20 items \(has 7\)/ }],
    [
      'an empty example',
      { examples: [...intent('x.y').examples.slice(0, 20), '  '] },
      { field: 'examples.20', message: /must not be empty/ },
    ],
    [
      'a duplicate example',
      { examples: [...intent('concept.image').examples, 'Question 3 about concept.image '] },
      { field: 'examples.20', message: /duplicate of examples\.3/ },
    ],
    ['a missing answer', { answer: undefined }, { field: 'answer', message: /required/ }],
    ['an empty answer', { answer: '' }, { field: 'answer', message: /must not be empty/ }],
    ['a long title', { title: 'x'.repeat(81) }, { field: 'title', message: /at most 80/ }],
    ['an empty title', { title: '' }, { field: 'title', message: /must not be empty/ }],
    ['an unknown key', { followup: [] }, { field: 'followup', message: /unknown field/ }],
    ['commands not a list', { commands: 'docker ps' }, { field: 'commands', message: /list of strings/ }],
    ['a missing commands list', { commands: undefined }, { field: 'commands', message: /required/ }],
    ['a badly shaped follow-up id', { followups: ['Concept Image'] }, { field: 'followups.0', message: /not an intent id/ }],
  ];
  it.each(cases)('reports %s with file and field', (_name, over, want) => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the cases set a field to undefined to drop it
    const body = Object.fromEntries(Object.entries(intent('concept.image', over)).filter(([, v]) => v !== undefined));
    const err = problemsOf(kb({ 'concept.image.yaml': body }));
    expect(err.problems).toContainEqual({
      file: 'intents/concept.image.yaml',
      field: want.field,
      message: expect.stringMatching(want.message),
    });
    expect(err.message).toContain(`intents/concept.image.yaml: ${want.field}: `);
  });

  it('formats the example message exactly', () => {
    const err = problemsOf(kb({ 'concept.image.yaml': intent('concept.image', { examples: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }) }));
    expect(err.message).toContain('intents/concept.image.yaml: examples: must have at least 20 items (has 7)');
  });

  it('reports a malformed id', () => {
    const err = problemsOf(kb({ 'Concept-Image.yaml': intent('Concept-Image') }));
    expect(err.problems).toContainEqual(expect.objectContaining({ field: 'id', message: expect.stringMatching(/area\.name/) }));
  });

  it('reports an id that does not match the file name', () => {
    const err = problemsOf(kb({ 'concept.image.yaml': intent('concept.container') }));
    expect(err.problems).toEqual([
      {
        file: 'intents/concept.image.yaml',
        field: 'id',
        message: '"concept.container" does not match the file name (expected "concept.image")',
      },
    ]);
  });

  it('reports duplicate ids across files', () => {
    const err = problemsOf(kb({ 'concept.image.yaml': intent('concept.image'), 'concept.image2.yaml': intent('concept.image') }));
    expect(err.problems.some((p) => /duplicate id "concept\.image" \(also in intents\/concept\.image\.yaml\)/.test(p.message))).toBe(true);
  });

  it('reports unknown follow-up ids and a follow-up pointing to itself', () => {
    const err = problemsOf(kb({ 'concept.image.yaml': intent('concept.image', { followups: ['concept.nope', 'concept.image'] }) }));
    expect(err.problems).toEqual([
      { file: 'intents/concept.image.yaml', field: 'followups.0', message: 'unknown intent id "concept.nope"' },
      { file: 'intents/concept.image.yaml', field: 'followups.1', message: '"concept.image" points to the intent itself' },
    ]);
  });

  it('reports YAML syntax errors with a line number', () => {
    const err = problemsOf(kb({ 'concept.image.yaml': 'id: concept.image\ntitle: [unclosed\nexamples: x\n' }));
    expect(err.problems[0]).toMatchObject({ file: 'intents/concept.image.yaml', field: '(file)' });
    expect(err.problems[0]?.message).toMatch(/YAML syntax error at line \d+/);
  });

  it('reports duplicate keys and a file that is not a mapping', () => {
    const err = problemsOf(kb({ 'concept.image.yaml': 'id: a.b\nid: a.c\n', 'concept.container.yaml': '- just\n- a list\n' }));
    expect(err.problems.map((p) => p.file).sort()).toEqual(['intents/concept.container.yaml', 'intents/concept.image.yaml']);
  });

  it('reports an empty folder', () => {
    const err = problemsOf(kb({}));
    expect(err.message).toMatch(/no \*\.yaml intent files/);
  });

  describe('answer units', () => {
    function unit(id: string, over: Record<string, unknown> = {}) {
      return {
        id,
        question: `What about ${id}?`,
        answer: `A short answer about ${id}.`,
        examples: Array.from({ length: 5 }, (_, i) => `phrasing ${i} of ${id}`),
        ...over,
      };
    }
    const withUnits = (units: unknown[]) => kb({ 'concept.image.yaml': intent('concept.image', { units }) });

    it('loads units with an optional command and keeps them on the intent', () => {
      const k = loadKnowledge(withUnits([unit('prune_volumes', { command: 'docker system prune' }), unit('expose')]));
      const units = k.get('concept.image')?.units;
      expect(units?.map((u) => u.id)).toEqual(['prune_volumes', 'expose']);
      expect(units?.[0]?.command).toBe('docker system prune');
      expect(units?.[1]?.command).toBeUndefined();
    });

    it('counts only prose words against the limit: code does not count', () => {
      const code = Array.from({ length: 60 }, (_, i) => `--flag-${i}`).join(' ');
      const prose = Array.from({ length: 79 }, () => 'word').join(' ');
      expect(() => loadKnowledge(withUnits([unit('long_code', { answer: `${prose} \`${code}\`` })]))).not.toThrow();
    });

    const unitCases: [string, unknown[], { field: string; message: RegExp }][] = [
      [
        'an answer over 80 words',
        [unit('ok'), unit('wordy', { answer: Array.from({ length: 81 }, () => 'word').join(' ') })],
        { field: 'units.1.answer', message: /at most 80 words outside code/ },
      ],
      [
        'a duplicate unit id',
        [unit('expose'), unit('kernel'), unit('expose')],
        { field: 'units.2.id', message: /duplicate unit id "expose" \(also units\.0\)/ },
      ],
      [
        'fewer than 5 examples',
        [unit('few', { examples: ['one', 'two', 'three', 'four'] })],
        { field: 'units.0.examples', message: /at least 5 items \(has 4\)/ },
      ],
      ['a bad id', [unit('Prune-Volumes')], { field: 'units.0.id', message: /lowercase letters, digits or _/ }],
      ['an id starting with a digit', [unit('1st')], { field: 'units.0.id', message: /lowercase letters, digits or _/ }],
      [
        'a duplicate example inside a unit',
        [unit('dup', { examples: ['a', 'b', 'c', 'd', 'e', ' A '] })],
        { field: 'units.0.examples.5', message: /duplicate of examples\.0/ },
      ],
      ['an empty answer', [unit('blank', { answer: '  ' })], { field: 'units.0.answer', message: /must not be empty/ }],
      ['an unknown unit key', [unit('typo', { commmand: 'docker ps' })], { field: 'units.0.commmand', message: /unknown field/ }],
    ];
    it.each(unitCases)('reports %s with the file and the unit field', (_name, units, want) => {
      const err = problemsOf(withUnits(units));
      expect(err.problems).toContainEqual({
        file: 'intents/concept.image.yaml',
        field: want.field,
        message: expect.stringMatching(want.message),
      });
      expect(err.message).toContain(`intents/concept.image.yaml: ${want.field}: `);
    });

    describe('a unit borrowed from another topic (`ref:`)', () => {
      const two = (borrowed: unknown[], own: unknown[] = [unit('expose'), unit('kernel')]) =>
        kb({
          'concept.image.yaml': intent('concept.image', { units: own }),
          'concept.container.yaml': intent('concept.container', { units: borrowed }),
        });

      it('is the owner’s unit, word for word, with its own phrasings for this topic and the owner’s kept apart', () => {
        const k = loadKnowledge(
          two([unit('vs_vm'), { ref: 'concept.image/expose', examples: ['ports of my container', 'is EXPOSE enough'] }]),
        );
        const owned = k.get('concept.image')?.units?.find((u) => u.id === 'expose');
        const borrowed = k.get('concept.container')?.units?.find((u) => u.id === 'expose');
        expect(borrowed).toMatchObject({ question: owned?.question, answer: owned?.answer, owner: 'concept.image' });
        expect(borrowed?.examples).toEqual(['ports of my container', 'is EXPOSE enough']);
        expect(borrowed?.sharedExamples).toEqual(owned?.examples);
        expect(owned?.owner).toBeUndefined();
      });

      it.each([
        ['an unknown unit', [{ ref: 'concept.image/nope' }], 'units.0.ref', /no unit "concept.image\/nope"/],
        ['its own intent', [unit('vs_vm'), { ref: 'concept.container/vs_vm' }], 'units.1.ref', /this intent's own unit/],
        ['an id this topic already has', [unit('expose'), { ref: 'concept.image/expose' }], 'units.1', /same unit id as units\.0/],
        ['a ref with a unit’s keys', [{ ref: 'concept.image/expose', answer: 'x' }], 'units.0.answer', /unknown field/],
        ['a ref that is not a full unit id', [{ ref: 'expose' }], 'units.0.ref', /full unit id/],
      ])('reports a ref to %s', (_name, borrowed, field, message) => {
        const err = problemsOf(two(borrowed));
        expect(err.problems).toContainEqual({ file: 'intents/concept.container.yaml', field, message: expect.stringMatching(message) });
      });

      it('cannot borrow a borrowed unit (one owner, one place to edit)', () => {
        const dir = kb({
          'concept.image.yaml': intent('concept.image', { units: [unit('expose')] }),
          'concept.container.yaml': intent('concept.container', { units: [{ ref: 'concept.image/expose' }] }),
          'concept.layers.yaml': intent('concept.layers', { units: [{ ref: 'concept.container/expose' }] }),
        });
        expect(problemsOf(dir).problems).toContainEqual({
          file: 'intents/concept.layers.yaml',
          field: 'units.0.ref',
          message: expect.stringMatching(/no unit "concept.container\/expose"/),
        });
      });
    });
  });

  describe('broad phrasings', () => {
    it('keeps an optional broad list on the intent', () => {
      const k = loadKnowledge(kb({ 'concept.image.yaml': intent('concept.image', { broad: ['how do images work', 'explain images'] }) }));
      expect(k.get('concept.image')?.broad).toEqual(['how do images work', 'explain images']);
    });

    it('keeps an optional article_asks list, and reports a duplicate in it', () => {
      const k = loadKnowledge(kb({ 'concept.image.yaml': intent('concept.image', { article_asks: ['what is in an image anyway'] }) }));
      expect(k.get('concept.image')?.article_asks).toEqual(['what is in an image anyway']);
      const err = problemsOf(kb({ 'concept.image.yaml': intent('concept.image', { article_asks: ['images?', 'Images?'] }) }));
      expect(err.problems).toContainEqual({
        file: 'intents/concept.image.yaml',
        field: 'article_asks.1',
        message: expect.stringMatching(/duplicate of article_asks\.0/),
      });
    });

    it('reports a duplicate broad phrasing', () => {
      const err = problemsOf(kb({ 'concept.image.yaml': intent('concept.image', { broad: ['explain images', ' Explain images '] }) }));
      expect(err.problems).toContainEqual({
        file: 'intents/concept.image.yaml',
        field: 'broad.1',
        message: expect.stringMatching(/duplicate of broad\.0/),
      });
    });
  });

  it('reports ALL problems of several files in one error', () => {
    const dir = kb({
      'concept.image.yaml': intent('concept.image', { examples: ['one'], title: '', extra: 1 }),
      'concept.container.yaml': intent('concept.contianer', { followups: ['concept.image', 'meta.nope'] }),
      'meta.help.yaml': 'id: meta.help\n  title: : bad',
      'meta.thanks.yaml': intent('meta.thanks', { followups: ['meta.thanks'], answer: '' }),
    });
    const err = problemsOf(dir);
    const lines = err.problems.map((p) => `${p.file}: ${p.field}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'intents/concept.image.yaml: examples',
        'intents/concept.image.yaml: title',
        'intents/concept.image.yaml: extra',
        'intents/concept.container.yaml: id',
        'intents/meta.help.yaml: (file)',
        'intents/meta.thanks.yaml: answer',
      ]),
    );
    expect(err.problems.length).toBeGreaterThanOrEqual(6);
    for (const p of err.problems) expect(err.message).toContain(`${p.file}: ${p.field}: ${p.message}`);
  });
});
