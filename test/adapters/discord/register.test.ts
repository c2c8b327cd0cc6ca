// Registration against the stand-in: the PUT body, guild vs global routes, and the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../../src/adapters/discord/commands.ts';
import { registerCommands } from '../../../src/adapters/discord/register.ts';
import { APP_ID, DiscordStandIn, GUILD_ID } from './stand-in.ts';

describe('discord command registration', () => {
  let standIn: DiscordStandIn;
  beforeAll(async () => {
    standIn = await new DiscordStandIn().listen();
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
  afterAll(async () => standIn?.close());

  const opts = () => ({ applicationId: APP_ID, token: 'bot-token', apiUrl: standIn.apiUrl, restRetries: 0 });

  it('PUTs /docker to the guild when a guild id is set, with the bot token', async () => {
    standIn.commands = [{ id: '1', application_id: APP_ID, version: '1', type: 1, name: 'old', description: 'gone' }];
    const report = await registerCommands({ ...opts(), guildId: GUILD_ID });
    const put = standIn.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.body).toEqual(commandDefinitions);
    expect(put.auth).toBe('Bot bot-token');
    const docker = put.body[0];
    expect(docker).toMatchObject({ name: 'docker', type: 1, default_member_permissions: '2048', contexts: [0, 1] });
    expect(docker.options.map((o: any) => o.name)).toEqual(['ask', 'why', 'ps', 'images', 'explain', 'help', 'learn']);
    const why = docker.options.find((o: any) => o.name === 'why');
    expect(why.options).toEqual([
      expect.objectContaining({ name: 'name', type: 3, autocomplete: true }),
      expect.objectContaining({ name: 'port', type: 4, min_value: 1, max_value: 65535 }),
      expect.objectContaining({ name: 'host', type: 3, autocomplete: true }),
    ]);
    expect(why.options.some((o: any) => o.required)).toBe(false);
    expect(docker.options.find((o: any) => o.name === 'ps').options[0]).toMatchObject({ name: 'all', type: 5 });
    expect(report).toContain('+ /docker (new)');
    expect(report).toContain('- /old (removed)');
  });

  it('is idempotent: a second run changes nothing and sends no PUT', async () => {
    const puts = standIn.requests.filter((r) => r.method === 'PUT').length;
    const report = await registerCommands({ ...opts(), guildId: GUILD_ID });
    expect(report).toContain('nothing changed');
    expect(report).toContain('= /docker (unchanged)');
    expect(standIn.requests.filter((r) => r.method === 'PUT').length).toBe(puts);
  });

  it('reports what changed, and goes global without a guild id', async () => {
    standIn.commands = standIn.commands.map((c) => ({ ...c, description: 'an older description' }));
    const report = await registerCommands(opts());
    expect(report).toContain('~ /docker (changed: description)');
    expect(report).toContain('globally');
    const put = standIn.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(put.path).toBe(`/api/v10/applications/${APP_ID}/commands`);
  });

  it('every definition respects Discord naming and length rules', () => {
    const walk = (o: any): void => {
      expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
      for (const c of o.options ?? []) walk(c);
    };
    for (const c of commandDefinitions) walk(c);
  });
});
