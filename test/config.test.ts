import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig, redactedConfig, secretKeys, secretValues } from '../src/config.ts';
import { ROOT } from './helpers/spawn.ts';

describe('config', () => {
  it('documents every variable in .env.example, and marks secrets', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    for (const key of Object.keys(configSchema.shape)) expect(example, key).toMatch(new RegExp(`^(# )?${key}=`, 'm'));
    for (const key of secretKeys) expect(example).toMatch(new RegExp(`\\[secret\\][^\\n]*\\n(# )?${key}=`));
  });

  it('derives the secret list from the schema', () => {
    expect([...secretKeys].sort()).toEqual(['DATABASE_URL', 'DISCORD_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
  });

  it('defaults to the terminal chat with no platform', () => {
    const c = loadConfig({});
    expect(c.slack).toBeNull();
    expect(c.discord).toBeNull();
    expect(c.COACH_ENGINE_TIMEOUT_MS).toBe(3000);
    expect(c.PORT).toBe(3000);
  });

  it('picks Socket Mode when an app token is set, HTTP otherwise', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.mode).toBe('socket');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abc' }).slack?.mode).toBe('http');
    expect(loadConfig({ SLACK_HOST_CHANNELS: 'C1, C2 ,*' }).SLACK_HOST_CHANNELS).toEqual(['C1', 'C2', '*']);
  });

  it('lists every problem together, never echoing a secret', () => {
    let err: unknown;
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'nope-secret', PORT: '99999', COACH_LOG_LEVEL: 'loud' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toContain('SLACK_BOT_TOKEN');
    expect(problems).toContain('PORT');
    expect(problems).toContain('COACH_LOG_LEVEL');
    expect(problems).not.toContain('nope-secret');
  });

  it('reports missing platform settings together', () => {
    expect(() => loadConfig({ SLACK_APP_TOKEN: 'xapp-1', DISCORD_TOKEN: 'abc' })).toThrow(/SLACK_BOT_TOKEN[\s\S]*DISCORD_APPLICATION_ID/);
  });

  it('redacts secrets', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_SIGNING_SECRET: 'shh-secret' });
    expect(JSON.stringify(redactedConfig(c))).not.toContain('secret"');
    expect(redactedConfig(c).SLACK_BOT_TOKEN).toBe('[redacted]');
    expect(secretValues(c).sort()).toEqual(['shh-secret', 'xoxb-secret']);
  });
});
