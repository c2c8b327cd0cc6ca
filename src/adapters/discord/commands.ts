// The `/docker` command definition, as Discord's API takes it (registered by register.ts).
import {
  ApplicationCommandOptionType as Opt,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { LEARN_SUBCOMMAND } from './course.ts';

export const COMMAND_NAME = 'docker';

/** `host:` on why/ps/images: which Docker host (COACH_HOSTS); autocomplete offers the hosts open in this channel. */
const HOST_OPTION = {
  type: Opt.String,
  name: 'host',
  description: 'Which Docker host (default: this channel’s)',
  autocomplete: true,
  max_length: 32,
} as const;

export const commandDefinitions: RESTPutAPIApplicationCommandsJSONBody = [
  {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAME,
    description: 'Docker images vs containers: ask, diagnose (read-only), list, explain',
    // Anyone who may write in a channel may ask; admins can narrow it in Server Settings →
    // Integrations. Looking at the host is gated separately (DISCORD_HOST_CHANNELS/ROLES).
    default_member_permissions: String(PermissionFlagsBits.SendMessages),
    // Servers and DMs with the bot (this replaces the deprecated dm_permission: true).
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: [
      {
        type: Opt.Subcommand,
        name: 'ask',
        description: 'Ask a question about Docker images and containers',
        options: [{ type: Opt.String, name: 'question', description: 'Your question', required: true, max_length: 4000 }],
      },
      {
        type: Opt.Subcommand,
        name: 'why',
        description: 'Why is my container missing or not reachable? (looks at the host, read-only)',
        options: [
          { type: Opt.String, name: 'name', description: 'Container or image name', autocomplete: true, max_length: 200 },
          { type: Opt.Integer, name: 'port', description: 'The port you expect it on', min_value: 1, max_value: 65535 },
          HOST_OPTION,
        ],
      },
      {
        type: Opt.Subcommand,
        name: 'ps',
        description: 'List containers on the host (read-only)',
        options: [{ type: Opt.Boolean, name: 'all', description: 'Include stopped containers' }, HOST_OPTION],
      },
      {
        type: Opt.Subcommand,
        name: 'images',
        description: 'List images on the host and which have containers (read-only)',
        options: [HOST_OPTION],
      },
      {
        type: Opt.Subcommand,
        name: 'explain',
        description: 'Explain a docker command line, part by part',
        options: [
          { type: Opt.String, name: 'command', description: 'e.g. docker run -d -p 8080:80 nginx:1.27', required: true, max_length: 2000 },
        ],
      },
      { type: Opt.Subcommand, name: 'help', description: 'What I can answer' },
      LEARN_SUBCOMMAND,
    ],
  },
];
