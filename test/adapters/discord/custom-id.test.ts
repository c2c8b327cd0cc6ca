// Vote buttons carry the answer id within Discord's 100-character custom_id cap.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, decodeButton, encodeButton } from '../../../src/adapters/discord/custom-id.ts';

describe('discord vote buttons with answer ids', () => {
  it('round-trips a UUID answer id in a short id', () => {
    const v = {
      kind: 'vote',
      vote: 'up',
      intent: 'concept.persistence',
      confidence: 0.87,
      conversation: 'discord:123456789012345678:876543210987654321',
      answerId: randomUUID(),
    } as const;
    const id = encodeButton(v)!;
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(id).not.toContain(v.answerId); // packed, not spelled out
    expect(decodeButton(id)).toEqual(v);
  });

  it('drops the conversation, not the answer id, when both do not fit', () => {
    const v = {
      kind: 'vote',
      vote: 'down',
      intent: 'diagnose.a_rather_long_intent_name_here',
      confidence: 0.5,
      conversation: 'discord:123456789012345678:876543210987654321',
      answerId: randomUUID(),
    } as const;
    const id = encodeButton(v)!;
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(decodeButton(id)).toEqual({ ...v, conversation: '' });
  });

  it('keeps short plain answer ids as they are and refuses malformed ones', () => {
    const v = { kind: 'vote', vote: 'up', intent: 'concept.image', confidence: 1, conversation: 'discord:C1:U1', answerId: 'a1' } as const;
    expect(decodeButton(encodeButton(v)!)).toEqual(v);
    expect(decodeButton('cc:w:up:u!!:50:concept.image:C1:U1')).toBeNull();
    expect(decodeButton('cc:w:sideways:ra1:50:concept.image:C1:U1')).toBeNull();
  });
});
