// Conversation context shared through a backing (the store): written through after the answer,
// read back before the next question, newer turns win, bad or expired payloads are ignored, and
// a backing that fails never stops answering.
import { describe, expect, it } from 'vitest';
import { ConversationStore, type ConversationBacking } from '../../src/core/conversation.ts';
import { emptyEntities } from '../../src/core/types.ts';
import { waitFor } from '../helpers/wait.ts';

function memoryBacking(): ConversationBacking & { rows: Map<string, { payload: string; expiresAt: number }>; errors: string[] } {
  const rows = new Map<string, { payload: string; expiresAt: number }>();
  const errors: string[] = [];
  return {
    rows,
    errors,
    load: (key, now) => {
      const r = rows.get(key);
      return Promise.resolve(r && r.expiresAt > now ? r.payload : undefined);
    },
    save: (key, payload, expiresAt) => {
      rows.set(key, { payload, expiresAt });
      return Promise.resolve();
    },
    onError: (_err, what) => errors.push(what),
  };
}

const turn = (intent: string) => ({ text: 'q', intent, entities: emptyEntities() });

describe('ConversationStore with a shared backing', () => {
  it('writes a turn through after answering (not during), and another process reads it back', async () => {
    let t = 1_000;
    const backing = memoryBacking();
    const a = new ConversationStore(60_000, () => t, 100, backing);
    const b = new ConversationStore(60_000, () => t, 100, backing);
    a.set('slack:C1:1', turn('command.rmi'));
    expect(backing.rows.size).toBe(0); // the reply goes first
    await waitFor('the write-through', () => backing.rows.size === 1);
    expect(b.get('slack:C1:1')).toBeUndefined();
    t += 10;
    await b.load('slack:C1:1');
    expect(b.get('slack:C1:1')?.intent).toBe('command.rmi');
  });

  it('keeps its own newer turn over an older shared one, and ignores expired or malformed payloads', async () => {
    let t = 5_000;
    const backing = memoryBacking();
    const s = new ConversationStore(1_000, () => t, 100, backing);
    backing.rows.set('k', { payload: JSON.stringify({ ...turn('concept.image'), at: 4_000 }), expiresAt: 99_999 });
    s.set('k', turn('command.ps'));
    await s.load('k');
    expect(s.get('k')?.intent).toBe('command.ps');
    backing.rows.set('old', { payload: JSON.stringify({ ...turn('concept.image'), at: 1_000 }), expiresAt: 99_999 });
    await s.load('old');
    expect(s.get('old')).toBeUndefined(); // older than the time limit
    for (const bad of ['not json', '{"intent":1}', 'null', '{"text":"q","intent":"x","at":1,"entities":{}}']) {
      backing.rows.set('bad', { payload: bad, expiresAt: 99_999 });
      await s.load('bad');
      expect(s.get('bad')).toBeUndefined();
    }
    t += 1;
  });

  it('a backing that fails is reported and nothing throws', async () => {
    const errors: string[] = [];
    const failing: ConversationBacking = {
      load: () => Promise.reject(new Error('down')),
      save: () => Promise.reject(new Error('down')),
      onError: (_e, what) => errors.push(what),
    };
    const s = new ConversationStore(60_000, Date.now, 100, failing);
    await s.load('k');
    s.set('k', turn('command.ps'));
    expect(s.get('k')?.intent).toBe('command.ps');
    await waitFor('the failed write to be reported', () => errors.includes('save'));
    expect(errors).toEqual(['load', 'save']);
  });
});
