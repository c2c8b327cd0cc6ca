// The only reader of the environment (DESIGN.md). One zod schema: every variable, its
// default, and whether it is a secret (redaction is derived from that mark). Nothing here
// runs on import: call loadConfig(env) once, in main.ts.
import { z } from 'zod';
import { parseHosts, PER_HOST_KEY, redactHostUrl, type HostSetting } from './config-hosts.ts';
import { redactUrlCredentials } from './host/redact.ts';

export type { HostSetting } from './config-hosts.ts';

const SECRET = 'secret';

/** A comma-separated list of ids; `*` means everyone. */
const idList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );

const bool = (dflt: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .default(dflt ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = (dflt?: number) => {
  const p = z.coerce.number().int().min(1).max(65535);
  return dflt === undefined ? p.optional() : p.default(dflt);
};

const url = z.url({ protocol: /^https?$/ });

const secret = (s: z.ZodString = z.string().min(1)) => s.optional().meta({ [SECRET]: true });

export const configSchema = z.object({
  // Behaviour
  COACH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COACH_LOG_FORMAT: z.enum(['json', 'pretty']).optional().describe('default: pretty on a terminal, json otherwise'),
  COACH_LOG_QUESTIONS: bool(false),
  COACH_HTTP_PORT: port().describe('serve /healthz, /readyz, /metrics here when no HTTP adapter runs'),
  COACH_MAX_INPUT_CHARS: z.coerce.number().int().min(100).max(100_000).default(4000),
  COACH_CONTEXT_TTL_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(30),
  COACH_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  COACH_MAX_QUESTIONS_PER_USER: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(5)
    .describe('questions one person may have waiting or being answered'),
  COACH_MAX_QUESTIONS: z.coerce.number().int().min(1).max(10_000).default(100).describe('questions held at once in the whole process'),
  COACH_ANSWER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8).describe('answers worked on at once; the rest wait'),
  COACH_ANSWER_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(12_000),
  COACH_MODEL_CACHE_DIR: z
    .string()
    .optional()
    .describe(
      'where the trained intent model is kept between starts (default: .cache/model in the install folder); "off" trains every time',
    ),

  // The store (src/store/): an embedded SQLite file by default, PostgreSQL for several replicas
  COACH_DATA_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('where the embedded store keeps its file (default: .data in the install folder; /data in the image)'),
  DATABASE_URL: secret(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')).describe(
    'PostgreSQL instead of the embedded store, for several replicas',
  ),
  COACH_STORE_QUESTIONS: bool(true).describe(
    'keep the text of questions (redacted, capped) for `coach report`; false keeps intents and scores only',
  ),
  COACH_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(90)
    .describe('the store forgets questions and votes older than this'),

  // Docker host (read-only)
  COACH_DOCKER: z.enum(['auto', 'on', 'off']).default('auto'),
  COACH_ENGINE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  COACH_SHOW_LOGS: bool(false),
  DOCKER_HOST: z.string().optional(),
  DOCKER_TLS_VERIFY: z.string().optional(),
  DOCKER_CERT_PATH: z.string().optional(),
  DOCKER_CONTEXT: z.string().optional(),
  DOCKER_CONFIG: z.string().optional(),
  HOME: z.string().optional(),
  SSH_AUTH_SOCK: z.string().optional(),
  // Several engines (src/config-hosts.ts): NAME=ADDRESS entries; per-channel access; the default one.
  COACH_HOSTS: z.string().optional().describe('named engines: dev=unix:///var/run/docker.sock,staging=tcp://10.0.0.5:2376'),
  COACH_DEFAULT_HOST: z.string().optional(),
  COACH_HOST_CHANNELS: z.string().optional().describe('staging=C0123,C0456;dev=112233445566778899'),

  // `coach proxy`: the read-only Docker API proxy (src/proxy/, deploy/compose.yaml)
  COACH_PROXY_LISTEN: z
    .string()
    .regex(/^(unix:\/\/\/.+|(tcp:\/\/)?([\w.-]+:|\[[0-9a-fA-F:]+\]:)?\d{1,5})$/, 'must be PORT, HOST:PORT or unix:///path')
    .default('0.0.0.0:2375'),
  COACH_PROXY_UPSTREAM: z
    .string()
    .regex(/^unix:\/\/\/.+/, 'must be unix:///path/to/docker.sock')
    .default('unix:///var/run/docker.sock'),
  COACH_PROXY_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(4096)
    .max(256 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  COACH_PROXY_MAX_CONCURRENT: z.coerce.number().int().min(1).max(64).default(4),
  COACH_PROXY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),

  // The onboarding course (src/course/; its progress is in the store)
  COACH_ONBOARDING_NUDGE_DAYS: z.coerce.number().int().min(1).max(365).default(3).describe('days without activity before the one reminder'),
  SLACK_ONBOARDING_CHANNELS: idList.describe('channels where people who join get a welcome to the course'),
  DISCORD_ONBOARDING_CHANNELS: idList.describe('channels where people who join get a welcome to the course'),
  DISCORD_MEMBERS_INTENT: bool(false).describe(
    'the privileged Server Members Intent is enabled for the bot: welcome on join (guildMemberAdd) instead of at the first message',
  ),
  // User ids (not roles: the course checks the person) who may `/docker learn preview` and see per-person scorecard rows.
  SLACK_COURSE_ADMINS: idList.describe('Slack user ids who may preview the course and see per-person rows of the report'),
  DISCORD_COURSE_ADMINS: idList.describe('Discord user ids who may preview the course and see per-person rows of the report'),

  // Slack
  SLACK_BOT_TOKEN: secret(z.string().regex(/^xoxb-/, 'must start with xoxb-')),
  SLACK_SIGNING_SECRET: secret(),
  SLACK_APP_TOKEN: secret(z.string().regex(/^xapp-/, 'must start with xapp-')),
  SLACK_API_URL: url.optional(),
  SLACK_HOST_CHANNELS: idList,
  SLACK_HOST_USERS: idList,
  PORT: port(3000),

  // Discord
  DISCORD_TOKEN: secret(),
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
    .optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'must be a numeric id')
    .optional(),
  DISCORD_API_URL: url.optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'must be a numeric id')
    .optional(),
  DISCORD_HOST_CHANNELS: idList,
  DISCORD_HOST_ROLES: idList,
});

export type RawConfig = z.output<typeof configSchema>;

export interface Config extends RawConfig {
  /** Every Docker engine the bot may read, the default first (one called `default` without COACH_HOSTS). */
  hosts: HostSetting[];
  slack: null | {
    botToken: string;
    mode: 'socket' | 'http';
    appToken?: string;
    signingSecret?: string;
    apiUrl?: string;
    hostChannels: string[];
    hostUsers: string[];
    /** Every host and its channel binding (COACH_HOST_CHANNELS). */
    hostBindings?: { name: string; channels: string[] | null }[];
  };
  discord: null | {
    applicationId: string;
    token?: string;
    publicKey?: string;
    apiUrl?: string;
    guildId?: string;
    hostChannels: string[];
    hostRoles: string[];
    /** Every host and its channel binding (COACH_HOST_CHANNELS). */
    hostBindings?: { name: string; channels: string[] | null }[];
  };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Names of the variables marked secret in the schema. */
export const secretKeys: readonly string[] = Object.entries(configSchema.shape)
  .filter(([, s]) => (s as z.ZodType).meta()?.[SECRET] === true)
  .map(([k]) => k);

type Env = Record<string, string | undefined>;

/** Validates the environment once; throws ConfigError listing every problem together. */
export function loadConfig(env: Env): Config {
  // Empty strings mean "unset" (as in most .env files).
  const input: Env = {};
  for (const key of Object.keys(configSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v.trim() !== '') input[key] = v.trim();
  }
  const parsed = configSchema.safeParse(input);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '?');
      const shown = secretKeys.includes(key) ? '' : input[key] !== undefined ? ` (got "${input[key]}")` : '';
      problems.push(`${key}: ${issue.message}${shown}`);
    }
    throw new ConfigError(problems);
  }
  const c = parsed.data;
  const hosts = parseHosts({ ...c, perHost: perHostValues(env) }, problems);
  const hostBindings = hosts.map((h) => ({ name: h.name, channels: h.channels }));
  const slack = platformSlack(c, problems);
  const discord = platformDiscord(c, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...c,
    hosts,
    slack: slack && { ...slack, hostBindings },
    discord: discord && { ...discord, hostBindings },
  };
}

/** COACH_HOST_<NAME>_TLS_VERIFY / _CERT_PATH / _TIMEOUT_MS: names depend on COACH_HOSTS, so not in the schema. */
function perHostValues(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (PER_HOST_KEY.test(k) && v !== undefined && v.trim() !== '') out[k] = v.trim();
  return out;
}

function platformSlack(c: RawConfig, problems: string[]): Config['slack'] {
  const any = c.SLACK_BOT_TOKEN ?? c.SLACK_APP_TOKEN ?? c.SLACK_SIGNING_SECRET;
  if (!any) return null;
  if (!c.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: required when any SLACK_* token is set');
  if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET)
    problems.push('SLACK_SIGNING_SECRET: required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  return {
    botToken: c.SLACK_BOT_TOKEN ?? '',
    mode: c.SLACK_APP_TOKEN ? 'socket' : 'http',
    appToken: c.SLACK_APP_TOKEN,
    signingSecret: c.SLACK_SIGNING_SECRET,
    apiUrl: c.SLACK_API_URL,
    hostChannels: c.SLACK_HOST_CHANNELS,
    hostUsers: c.SLACK_HOST_USERS,
  };
}

function platformDiscord(c: RawConfig, problems: string[]): Config['discord'] {
  if (!c.DISCORD_TOKEN && !c.DISCORD_PUBLIC_KEY) {
    if (c.DISCORD_APPLICATION_ID) problems.push('DISCORD_TOKEN or DISCORD_PUBLIC_KEY: one is required with DISCORD_APPLICATION_ID');
    return null;
  }
  if (!c.DISCORD_APPLICATION_ID) problems.push('DISCORD_APPLICATION_ID: required when DISCORD_TOKEN or DISCORD_PUBLIC_KEY is set');
  return {
    applicationId: c.DISCORD_APPLICATION_ID ?? '',
    token: c.DISCORD_TOKEN,
    publicKey: c.DISCORD_PUBLIC_KEY,
    apiUrl: c.DISCORD_API_URL,
    guildId: c.DISCORD_GUILD_ID,
    hostChannels: c.DISCORD_HOST_CHANNELS,
    hostRoles: c.DISCORD_HOST_ROLES,
  };
}

/** The effective configuration with every secret replaced, for `coach config` and logs. */
export function redactedConfig(c: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const v = (c as unknown as Record<string, unknown>)[key];
    // A URL can carry a password without being a secret setting (DOCKER_HOST=tcp://admin:pw@…).
    out[key] = secretKeys.includes(key) && v !== undefined ? '[redacted]' : typeof v === 'string' ? redactUrlCredentials(v) : v;
  }
  if (typeof out['COACH_HOSTS'] === 'string') out['COACH_HOSTS'] = redactHostUrl(out['COACH_HOSTS']);
  out['hosts'] = c.hosts.map((h) => ({ name: h.name, url: h.url, default: h.default, timeoutMs: h.timeoutMs, channels: h.channels }));
  return out;
}

/** Every secret value in the configuration, so a log redactor can strip them from any text. */
export function secretValues(c: Config): string[] {
  return secretKeys
    .map((k) => (c as unknown as Record<string, unknown>)[k])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/**
 * The process environment, with `.env` (if present in `cwd`) filling in variables that are
 * not already set. Called only by our own entry point (main.ts): no import side effects,
 * and the real environment always wins over the file.
 */
export async function readEnvironment(cwd: string, environment: Env = process.env): Promise<Env> {
  const { readFile } = await import('node:fs/promises');
  const { parse } = await import('dotenv');
  let fromFile: Env = {};
  try {
    fromFile = parse(await readFile(`${cwd}/.env`, 'utf8'));
  } catch {
    // No .env file: the environment alone.
  }
  return { ...fromFile, ...environment };
}
