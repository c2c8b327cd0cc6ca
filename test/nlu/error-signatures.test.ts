import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalogue } from '../../src/knowledge/error-catalogue.ts';
import { MAX_SCAN, fillTemplate, findErrors } from '../../src/nlu/reader/error-signatures.ts';
import { createMessageReader } from '../../src/nlu/reader/index.ts';

const catalogue = loadErrorCatalogue(fileURLToPath(new URL('../../errors', import.meta.url)));

interface Paste {
  text: string;
  error: string;
  /** Values the answer must show, e.g. the port or the container name from the paste. */
  says?: string[];
}

const pastes: Paste[] = readFileSync(fileURLToPath(new URL('../fixtures/error-pastes.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Paste);

function answerFor(text: string): { id: string; answer: string } | null {
  const [m] = findErrors(text, catalogue);
  if (!m) return null;
  return { id: m.entry.id, answer: `${fillTemplate(m.entry.cause, m.values)}\n${fillTemplate(m.entry.fix, m.values)}` };
}

describe('error messages by signature', () => {
  it.each(catalogue.entries.flatMap((e) => e.examples.map((x) => [e.id, x] as const)))('%s: recognises its example %#', (id, text) => {
    expect(answerFor(text)?.id).toBe(id);
  });

  it('the independent pastes (prose around the error, the way people post) are each recognised', () => {
    expect(pastes.length).toBeGreaterThanOrEqual(60);
    const wrong = pastes
      .filter((p) => answerFor(p.text)?.id !== p.error)
      .map((p) => `${p.error} ← ${answerFor(p.text)?.id ?? 'nothing'}: ${p.text.slice(0, 80)}`);
    expect(wrong).toEqual([]);
  });

  it('covers every catalogue entry with at least two independent pastes', () => {
    const per = new Map<string, number>();
    for (const p of pastes) per.set(p.error, (per.get(p.error) ?? 0) + 1);
    expect(catalogue.entries.filter((e) => (per.get(e.id) ?? 0) < 2).map((e) => e.id)).toEqual([]);
  });

  it('uses the values in the message: the port, the name, the image, the path', () => {
    const missing = pastes.flatMap((p) =>
      (p.says ?? []).filter((v) => !answerFor(p.text)?.answer.includes(v)).map((v) => `${p.error}: ${v}`),
    );
    expect(missing).toEqual([]);
  });

  it('recognises nothing in ordinary questions', () => {
    const questions = [
      'how do I delete an image?',
      'what is the difference between an image and a container',
      'docker ps is empty after docker run -d myapp, why?',
      'my container keeps restarting',
      'how do I publish port 8080?',
      'which exit code means out of memory?',
      'can two containers share a volume',
      'what does docker build -t do',
    ];
    expect(questions.filter((q) => findErrors(q, catalogue).length > 0)).toEqual([]);
  });

  it('prefers the specific error over the catch-all in a multi-line paste', () => {
    const paste = [
      "Unable to find image 'acme/api:2.3' locally",
      "docker: Error response from daemon: pull access denied for acme/api, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.",
      "See 'docker run --help'.",
    ].join('\n');
    expect(findErrors(paste, catalogue).map((m) => m.entry.id)).toEqual(['pull_access_denied', 'unable_to_find_image']);
  });

  it('keeps values short and unable to break out of code', () => {
    const hostile = `Error response from daemon: No such container: a${'b'.repeat(500)}`;
    const [m] = findErrors(hostile, catalogue);
    expect(m?.values['name']?.length).toBeLessThanOrEqual(121);
    const filled = fillTemplate('see {name|it} and ```\nx {name}\n```', { name: 'web' });
    expect(filled).toBe('see `web` and ```\nx web\n```');
    expect(fillTemplate('see {name|it}; ```\ndocker rm {name|NAME}\n```', {})).toBe('see it; ```\ndocker rm NAME\n```');
    // Inline code stays one code span: no backticks inside it.
    expect(fillTemplate('run `docker logs {name|NAME}` and read {name}', { name: 'web' })).toBe('run `docker logs web` and read `web`');
  });

  it('reads a bounded prefix of a huge paste', () => {
    const huge = `${'x'.repeat(MAX_SCAN)}\nBind for 0.0.0.0:8080 failed: port is already allocated`;
    expect(findErrors(huge, catalogue)).toEqual([]);
    const hostile = `${'Bind for 0.0.0.0:'.repeat(5000)}${'9'.repeat(50_000)}`;
    expect(findErrors(hostile, catalogue).length).toBeLessThanOrEqual(2);
  });
});

describe('the container an error does not name', () => {
  const reader = createMessageReader(catalogue);
  const fixOf = (text: string) => reader.read(text).errors[0]?.fix ?? '';

  it('comes from the one container command above it', () => {
    const text =
      '$ docker exec -it redis bash\nOCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown';
    expect(fixOf(text)).toContain('docker exec -it redis sh');
  });

  it('is left a placeholder when the commands name none or several, and never replaces the one the error names', () => {
    const bare =
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown';
    expect(fixOf(bare)).toContain('docker exec -it CONTAINER sh');
    expect(fixOf(`$ docker exec -it redis bash\n$ docker exec -it cache bash\n${bare}`)).toContain('docker exec -it CONTAINER sh');
    expect(fixOf('$ docker exec -it api sh\nError response from daemon: Container 5e0d1c7b33a2 is not running')).toContain(
      'docker logs --tail 50 5e0d1c7b33a2',
    );
  });
});

describe('the catalogue files', () => {
  it('are all loaded (one entry per file)', () => {
    const files = readdirSync(fileURLToPath(new URL('../../errors', import.meta.url))).filter((f) => f.endsWith('.yaml'));
    expect(catalogue.entries.length).toBe(files.length);
  });
});
