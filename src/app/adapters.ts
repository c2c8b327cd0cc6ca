// Part of the composition root: builds the platform adapters whose settings are present.
// Slack: Socket Mode with SLACK_APP_TOKEN, else HTTP. Discord: with DISCORD_PUBLIC_KEY, the HTTP
// interactions endpoint and no gateway connection (several replicas behind a load balancer
// would otherwise each receive, and answer, every mention); with DISCORD_TOKEN alone, the
// gateway (slash commands, mentions and DMs). The token is then used only by discord:register.
// With the store open (`coach start`), the onboarding course rides along: `/docker learn`, the
// welcome in the onboarding channels, and each platform's way to send the one reminder.
import { discordNudgeSender } from '../adapters/discord/course.ts';
import { createDiscordGatewayAdapter } from '../adapters/discord/gateway.ts';
import { createDiscordHttpAdapter } from '../adapters/discord/interactions-http.ts';
import { createSlackAdapter } from '../adapters/slack/app.ts';
import { slackNudgeSender } from '../adapters/slack/course.ts';
import { hostGrant, isDmChannel } from '../adapters/slack/permissions.ts';
import type { HostPort, PlatformAdapter } from '../core/ports.ts';
import type { Lifecycle } from '../runtime/lifecycle.ts';
import { createStoreClaim } from './claim.ts';
import type { NudgeSender } from './course.ts';
import type { Runtime } from './types.ts';

/** Every adapter answers through the one `lifecycle`, so the limits hold for the whole process. */
export function buildAdapters(rt: Runtime, lifecycle: Lifecycle): PlatformAdapter[] {
  const { config, logger, host, course: learning } = rt;
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
        ...(learning
          ? {
              course: {
                learning,
                onboardingChannels: config.SLACK_ONBOARDING_CHANNELS,
                admins: config.SLACK_COURSE_ADMINS,
                hostFor: slackHostFor(rt),
              },
            }
          : {}),
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
    // Task checks on Discord need the person's roles, which the course's hook does not carry:
    // there the person confirms the task themselves.
    const courseWith = (membersIntent: boolean) =>
      learning
        ? {
            course: {
              learning,
              onboardingChannels: config.DISCORD_ONBOARDING_CHANNELS,
              admins: config.DISCORD_COURSE_ADMINS,
              ...(membersIntent ? { membersIntent } : {}),
            },
          }
        : {};
    if (d.publicKey) adapters.push(createDiscordHttpAdapter({ ...common, publicKey: d.publicKey, ...courseWith(false), ...once }));
    // Only the gateway sees joins (guildMemberAdd), and only with the privileged intent enabled.
    else if (d.token)
      adapters.push(createDiscordGatewayAdapter({ ...common, token: d.token, ...courseWith(config.DISCORD_MEMBERS_INTENT) }));
  }
  return adapters;
}

/** How this process messages a person for the course's one reminder, by platform (a DM each). */
export function buildNudgeSenders(rt: Runtime): Record<string, NudgeSender> {
  const { slack, discord } = rt.config;
  const senders: Record<string, NudgeSender> = {};
  if (slack)
    senders['slack'] = slackNudgeSender({ botToken: slack.botToken, retries: 2, ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}) });
  if (discord?.token)
    senders['discord'] = discordNudgeSender({ token: discord.token, retries: 2, ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}) });
  return senders;
}

/** The host a Slack user may use in a channel (the same rule as questions), for the course's task checks. */
function slackHostFor(rt: Runtime): (userId: string, channelId: string | undefined) => HostPort | null {
  const slack = rt.config.slack;
  const hosts = rt.hosts ?? [];
  return (userId, channelId) => {
    if (!slack || hosts.length === 0) return null;
    const where = { userId, ...(channelId ? { channelId } : {}), isDm: isDmChannel(channelId) };
    const grant = hostGrant(slack, where, true);
    if (!grant.hostAllowed) return null;
    const allowed = grant.hosts;
    return (allowed ? hosts.find((h) => allowed.includes(h.name)) : hosts[0])?.host ?? null;
  };
}
