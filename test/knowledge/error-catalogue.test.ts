import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalogue } from '../../src/knowledge/error-catalogue.ts';
import { KnowledgeError } from '../../src/knowledge/errors.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const ERRORS_DIR = fileURLToPath(new URL('../../errors', import.meta.url));
const INTENTS_DIR = fileURLToPath(new URL('../../intents', import.meta.url));
const INTENTS = new Set(readdirSync(fileURLToPath(new URL('../../intents', import.meta.url))).map((f) => f.replace(/\.yaml$/, '')));

// The errors the issue names: each must have an entry.
const REQUIRED = [
  'port_already_allocated',
  'container_name_in_use',
  'no_such_container',
  'no_such_image',
  'unable_to_find_image',
  'pull_access_denied',
  'manifest_unknown',
  'invalid_reference_format',
  'image_in_use',
  'executable_not_found',
  'exec_format_error',
  'socket_permission_denied',
  'daemon_not_running',
  'no_space_left',
  'bind_source_missing',
  'invalid_volume_spec',
  'network_not_found',
  'volume_in_use',
  'oci_runtime_failed',
  'copy_failed_not_found',
  'build_context_huge',
  'restart_with_rm',
  'exit_125',
  'exit_126',
  'exit_127',
];

function withEntry(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'coach-errors-'));
  writeFileSync(join(dir, 'bad_one.yaml'), yaml);
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadErrorCatalogue(dir, INTENTS);
  } catch (err) {
    if (err instanceof KnowledgeError) return err.problems.map((p) => `${p.field}: ${p.message}`);
    throw err;
  }
  return [];
}

describe('the error catalogue (errors/)', () => {
  const catalogue = loadErrorCatalogue(ERRORS_DIR, INTENTS);

  it('has at least 30 entries, including every error the issue lists', () => {
    expect(catalogue.entries.length).toBeGreaterThanOrEqual(30);
    const ids = new Set(catalogue.entries.map((e) => e.id));
    expect(REQUIRED.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('links every entry to a known topic and gives it at least two real examples', () => {
    for (const e of catalogue.entries) {
      expect(INTENTS.has(e.intent), e.id).toBe(true);
      expect(e.examples.length, e.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('reports every problem of a bad entry at once, naming the field', () => {
    const dir = withEntry(
      [
        'id: other_name',
        'title: x',
        'intent: concept.nothing',
        'signatures: ["foo.*bar", "(unclosed", "a{0,3}"]',
        'cause: "{port} is taken"',
        'fix: do it',
        'examples: [one]',
        'colour: red',
      ].join('\n'),
    );
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^colour: unknown field/), expect.stringMatching(/^examples: must have at least two/)]),
    );
    // The schema stops at the first layer; once the shape is right, the deeper checks run.
    const dir2 = withEntry(
      [
        'id: other_name',
        'title: x',
        'intent: concept.nothing',
        'signatures: ["foo.*bar", "(unclosed", "a{0,3}", "port (?<port>\\\\d{1,5})", "no capture here"]',
        'cause: "{port} is taken"',
        'fix: do it',
        'examples: [one, two]',
      ].join('\n'),
    );
    expect(problemsOf(dir2)).toEqual([
      'id: "other_name" does not match the file name (expected "bad_one")',
      'intent: unknown intent id "concept.nothing"',
      'signatures.0: uses * or + (only bounded quantifiers such as {1,200} are allowed)',
      expect.stringMatching(/^signatures\.1: is not a valid pattern/),
      'signatures.2: matches an empty message',
      'cause: {port} has no fallback and not every signature captures "port"',
    ]);
  });

  it("checks that an entry's unit is a unit of its topic (a borrowed one counts)", () => {
    const kb = loadKnowledge(INTENTS_DIR);
    const units = new Set(kb.intents.flatMap((i) => (i.units ?? []).map((u) => `${i.id}/${u.id}`)));
    // The real catalogue: every `unit:` resolves, and the ones the exit codes name are there.
    const real = loadErrorCatalogue(ERRORS_DIR, INTENTS, units);
    expect(real.get('exit_137')?.unit).toBe('exit_137');
    expect(real.get('container_not_running')?.unit).toBe('not_running');
    const entry = (unit: string) =>
      withEntry(
        [
          'id: bad_one',
          'title: x',
          'intent: command.exec',
          `unit: ${unit}`,
          'signatures: ["not running"]',
          'cause: c',
          'fix: f',
          'examples: [a, b]',
        ].join('\n'),
      );
    const problems = (dir: string) => {
      try {
        loadErrorCatalogue(dir, INTENTS, units);
      } catch (err) {
        if (err instanceof KnowledgeError) return err.problems.map((p) => `${p.field}: ${p.message}`);
        throw err;
      }
      return [];
    };
    expect(problems(entry('not_running'))).toEqual([]);
    expect(problems(entry('exit_137'))).toEqual(['unit: command.exec has no unit "exit_137"']);
    expect(problems(entry('Not-A-Unit'))).toEqual([expect.stringMatching(/^unit: is not a unit id/)]);
  });
});
