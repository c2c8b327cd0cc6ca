// Units under the host intents (`ps`, `images`) with a connected host: each unit's `host:` field in
// its intent file says whether the host's listing answers instead (`replace`, the default: "can you
// list the images") or comes after the unit's answer as evidence (`lead`: "what are the <none>
// images here?").
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blocksToPlainText } from '../../src/core/markdown.ts';
import type { Nlu } from '../../src/core/ports.ts';
import { extractEntities } from '../../src/nlu/entities.ts';
import { createNlu } from '../../src/nlu/index.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { fakeHost, imageNamed } from '../helpers/fake-host.ts';
import { hostBot } from '../helpers/host-bot.ts';

/** A classifier that always says `intent/unit`: these tests are about what follows classification. */
function saying(intent: string, unit?: string): Nlu {
  return {
    classify: () => ({ intent, confidence: 0.9, alternatives: [], ...(unit ? { unit } : {}) }),
    entities: extractEntities,
    explain: () => null,
  };
}

const images = () => [imageNamed('web', 0), imageNamed('<none>', 1, { tags: [], containers: [] })];

async function ask(text: string, nlu: Nlu) {
  const host = fakeHost({ images: images() });
  const a = await hostBot(host, { nlu }).handle({ text, platform: 'slack', conversation: `hu:${text}`, hostAllowed: true });
  if (!a) throw new Error('no answer');
  return { a, calls: host.calls, text: blocksToPlainText(a.blocks) };
}

describe('a host-intent unit with a connected host', () => {
  it('lead: the unit answers first, the listing follows as evidence', async () => {
    const { a, calls, text } = await ask('any <none> images on the box?', saying('host.list_images', 'dangling'));
    expect(calls).toEqual(['listImages']);
    expect(a.hostUsed).toBe(true);
    expect(text).toMatch(/^A row with .+ is a dangling image/);
    expect(text).toContain('web:1.0');
  });

  it('lead: "how do I list them myself" gets the how-to, then what is here', async () => {
    const { a, calls, text } = await ask('how do I list images myself?', saying('host.list_images', 'images_columns'));
    expect(calls).toEqual(['listImages']);
    expect(a.hostUsed).toBe(true);
    expect(text).toMatch(/^`docker images` lists what is stored/);
    expect(text).toContain('web:1.0');
  });

  it('replace (the default): "can you list the images" gets the listing, not "only when a host is connected"', async () => {
    const { calls, text } = await ask('can you list the images on the server', saying('host.list_images', 'no_host'));
    expect(calls).toEqual(['listImages']);
    expect(text).not.toContain('Only when a host is connected');
    expect(text).toContain('web:1.0');
  });

  it('a concept question about dangling images is answered as a concept, without listing the host', async () => {
    const kb = loadKnowledge(fileURLToPath(new URL('../../intents', import.meta.url)));
    const { a, calls } = await ask('what is a dangling image?', createNlu(kb));
    expect(calls).toEqual([]);
    expect(a.unit).toBe('command.images/none_images');
  });
});
