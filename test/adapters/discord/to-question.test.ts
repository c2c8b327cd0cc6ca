// The pure parts: questions, conversation keys, host permissions, button ids, signatures.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton } from '../../../src/adapters/discord/custom-id.ts';
import { ed25519PublicKey, verifySignature } from '../../../src/adapters/discord/interactions-http.ts';
import { hostAllowed } from '../../../src/adapters/discord/permissions.ts';
import { conversationKey, messageToQuestion, slashToQuestion, type DiscordContext } from '../../../src/adapters/discord/to-question.ts';

const ctx: DiscordContext = { channelId: 'C1', parentId: null, isThread: false, guildId: 'G', userId: 'U1', isBot: false, roles: ['R1'] };

describe('discord to-question', () => {
  it.each([
    ['ask', { question: 'what is an image' }, { kind: 'ask' }, 'what is an image'],
    ['why', { name: 'web', port: 8080 }, { kind: 'why', name: 'web', port: 8080 }, 'why web 8080'],
    ['why', { port: 70000 }, { kind: 'why' }, 'why'],
    ['ps', { all: true }, { kind: 'ps', all: true }, 'ps --all'],
    ['ps', {}, { kind: 'ps', all: false }, 'ps'],
    ['images', {}, { kind: 'images' }, 'images'],
    ['explain', { command: 'docker rm web' }, { kind: 'explain', line: 'docker rm web' }, 'docker rm web'],
    ['help', {}, { kind: 'help' }, 'help'],
  ] as const)('/docker %s %o', (sub, options, command, text) => {
    const q = slashToQuestion({ subcommand: sub, options }, ctx, true);
    expect(q).toMatchObject({
      platform: 'discord',
      command,
      text,
      conversation: 'discord:C1:U1',
      userId: 'U1',
      hostAllowed: true,
      fromBot: false,
    });
  });

  it('reads a mention like a command, without the mention', () => {
    expect(messageToQuestion('<@99> why web 8080', '99', ctx, false)).toMatchObject({ command: { kind: 'why', name: 'web', port: 8080 } });
    expect(messageToQuestion('hey <@!99> what is a container?', '99', ctx, false)).toMatchObject({
      command: { kind: 'ask' },
      text: 'hey what is a container?',
    });
  });

  it('keys conversations by channel and user, or by thread', () => {
    expect(conversationKey(ctx)).toBe('discord:C1:U1');
    expect(conversationKey({ ...ctx, channelId: 'T1', parentId: 'C1', isThread: true })).toBe('discord:C1:T1');
  });
});

describe('discord host permissions', () => {
  it('needs both a listed channel (or thread parent) and a listed role; * allows all', () => {
    expect(hostAllowed({ channels: ['C1'], roles: ['R1'] }, ctx)).toBe(true);
    expect(hostAllowed({ channels: ['C2'], roles: ['R1'] }, ctx)).toBe(false);
    expect(hostAllowed({ channels: ['C1'], roles: ['R2'] }, ctx)).toBe(false);
    expect(hostAllowed({ channels: [], roles: [] }, ctx)).toBe(false);
    expect(hostAllowed({ channels: ['*'], roles: ['*'] }, { ...ctx, roles: [], guildId: null })).toBe(true);
    expect(hostAllowed({ channels: ['C1'], roles: ['R1'] }, { ...ctx, channelId: 'T1', parentId: 'C1', isThread: true })).toBe(true);
  });
});

describe('discord button ids', () => {
  it('round-trip follow-ups and votes', () => {
    const f = { kind: 'followup', intent: 'concept.image', conversation: 'discord:C1:U1' } as const;
    expect(decodeButton(encodeButton(f)!)).toEqual(f);
    const v = { kind: 'vote', vote: 'down', intent: 'none', confidence: 0.42, conversation: 'discord:C1:T1' } as const;
    expect(decodeButton(encodeButton(v)!)).toEqual(v);
    expect(decodeButton('something-else')).toBeNull();
    expect(decodeButton('cc:v:maybe:x:10:a:b')).toBeNull();
  });
});

describe('discord Ed25519 verification', () => {
  it('accepts the right signature only', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const key = ed25519PublicKey(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex'));
    const body = Buffer.from('{"type":1}');
    const sig = sign(null, Buffer.concat([Buffer.from('1700000000'), body]), privateKey).toString('hex');
    expect(verifySignature(key, sig, '1700000000', body)).toBe(true);
    expect(verifySignature(key, sig, '1700000001', body)).toBe(false);
    expect(verifySignature(key, sig, '1700000000', Buffer.from('{"type":2}'))).toBe(false);
    expect(verifySignature(key, 'zz', '1700000000', body)).toBe(false);
    expect(verifySignature(key, undefined, undefined, body)).toBe(false);
    expect(() => ed25519PublicKey('abc')).toThrow(/64 hex/);
  });
});
