// Part of the composition root: builds the platform adapters whose settings are present.
// Slack: Socket Mode with SLACK_APP_TOKEN, else HTTP. Discord: with DISCORD_PUBLIC_KEY, the HTTP
// interactions endpoint and no gateway connection (several replicas behind a load balancer
// would otherwise each receive, and answer, every mention); with DISCORD_TOKEN alone, the
// gateway (slash commands, mentions and DMs). The token is then used only by discord:register.
import { createDiscordGatewayAdapter } from '../adapters/discord/gateway.ts';
import { createDiscordHttpAdapter } from '../adapters/discord/interactions-http.ts';
import { createSlackAdapter } from '../adapters/slack/app.ts';
import type { PlatformAdapter } from '../core/ports.ts';
import type { Lifecycle } from '../runtime/lifecycle.ts';
import { createStoreClaim } from './claim.ts';
import type { Runtime } from './types.ts';

/** Every adapter answers through the one `lifecycle`, so the limits hold for the whole process. */
export function buildAdapters(rt: Runtime, lifecycle: Lifecycle): PlatformAdapter[] {
  const { config, logger, host } = rt;
  const bot = rt.bot;
  const adapters: PlatformAdapter[] = [];
  // With a store, Slack events and Discord interactions are answered once across replicas.
  const once = rt.store ? { claim: createStoreClaim(rt.store, rt.metrics, logger) } : {};
  if (config.slack) {
    adapters.push(
      createSlackAdapter({
        config: config.slack,
        bot,
        lifecycle,
        logger: logger.child({ adapter: 'slack' }),
        hostConfigured: Boolean(host),
        ...once,
      }),
    );
  }
  const d = config.discord;
  if (d) {
    const common = {
      applicationId: d.applicationId,
      bot,
      lifecycle,
      hostChannels: d.hostChannels,
      hostRoles: d.hostRoles,
      ...(d.hostBindings ? { hostBindings: d.hostBindings } : {}),
      ...(d.apiUrl ? { apiUrl: d.apiUrl } : {}),
      log: logger.child({ adapter: 'discord' }),
    };
    if (d.publicKey) adapters.push(createDiscordHttpAdapter({ ...common, publicKey: d.publicKey, ...once }));
    else if (d.token) adapters.push(createDiscordGatewayAdapter({ ...common, token: d.token }));
  }
  return adapters;
}
