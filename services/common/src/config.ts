import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const optionalUrl = z.string().url().optional();

/** The OpenID Connect variables: all three set, or none (docs/DESIGN.md, "Signing in"). */
const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/** https, or plain http to this machine only (a provider started by a test): the client secret travels to it. */
function isHttpsOrLoopback(url: string): boolean {
  if (!URL.canParse(url)) return true; // not a URL at all: url() says so, once
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname));
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalUrl,
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().min(3).default('hub@localhost'),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_MAX_TOKEN_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  /**
   * Which proxies in front of the gateway to believe about the client's address (X-Forwarded-For),
   * as express's "trust proxy" takes it: a number of hops, `loopback`, or addresses and subnets.
   * Unset: none, the connection's address is the client's.
   */
  TRUST_PROXY: z.string().trim().min(1).optional(),
  /** How long a session opened by a sign-in link lasts, in hours. */
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /**
   * Sign-in through an OpenID Connect provider (e.g. a Keycloak realm) instead of e-mailed links:
   * its issuer, and the hub's client there. All three or none (loadConfig).
   */
  OIDC_ISSUER: z.string().url().refine(isHttpsOrLoopback, 'must be an https URL (http only on this machine)').optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  HUB_TIMEZONE: z.string().default('Asia/Vladivostok').refine(isKnownTimeZone, 'unknown IANA time zone'),
  HUB_SEED: z.enum(['demo', 'none']).default('demo'),
  HUB_PUBLIC_URL: optionalUrl,
  GATEWAY_PORT: port.default(4000),
  CONTENT_PORT: port.default(4001),
  ORGANIZATIONS_PORT: port.default(4002),
  COMPLIANCE_PORT: port.default(4003),
  CONTENT_URL: optionalUrl,
  ORGANIZATIONS_URL: optionalUrl,
  COMPLIANCE_URL: optionalUrl,
  /** Where each subgraph listens: this machine only unless a container network is the boundary (docs/SECURITY.md). */
  CONTENT_HOST: z.string().min(1).default('127.0.0.1'),
  ORGANIZATIONS_HOST: z.string().min(1).default('127.0.0.1'),
  COMPLIANCE_HOST: z.string().min(1).default('127.0.0.1'),
  SUBGRAPH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  DATA_DIR: z.string().default('.data'),
  CONTENT_FOUR_EYES: z.stringbool({ error: 'must be true or false' }).default(true),
  /** Where the hub's own services reach the gateway (monitoring acting as SYSTEM); default this machine's GATEWAY_PORT. */
  GATEWAY_URL: optionalUrl,
  MONITORING_PORT: port.default(4004),
  MONITORING_URL: optionalUrl,
  MONITORING_HOST: z.string().min(1).default('127.0.0.1'),
  MONITORING_INTERVAL_HOURS: z.coerce.number().min(0.25).max(168).default(6),
  MONITORING_SHARD: z
    .string()
    .regex(/^[1-9]\d{0,2}\/[1-9]\d{0,2}$/, 'must be "k/n", e.g. 2/4')
    .refine((v) => Number(v.split('/')[0]) <= Number(v.split('/')[1]), 'k must not exceed n')
    .default('1/1'),
  VK_API_URL: z.string().url().default('https://api.vk.com/method'),
  VK_SERVICE_TOKEN: z.string().min(1).optional(),
  /** Requests per second per VK token (VK allows 3 for a service token). */
  VK_RATE_PER_SECOND: z.coerce.number().positive().default(3),
  TELEGRAM_WEB_URL: z.string().url().default('https://t.me'),
  TELEGRAM_RATE_PER_SECOND: z.coerce.number().positive().default(1),
  OK_API_URL: z.string().url().default('https://api.ok.ru/fb.do'),
  OK_APP_KEY: z.string().min(1).optional(),
  OK_APP_SECRET: z.string().min(1).optional(),
  OK_ACCESS_TOKEN: z.string().min(1).optional(),
  OK_RATE_PER_SECOND: z.coerce.number().positive().default(3),
  // The contract's default. The MAX Bot API's schema of July 2026 and its official clients name
  // platform-api2.max.ru and mark this host deprecated: set MAX_API_URL if it stops answering.
  MAX_API_URL: z.string().url().default('https://platform-api.max.ru'),
  MAX_BOT_TOKEN: z.string().min(1).optional(),
  MAX_RATE_PER_SECOND: z.coerce.number().positive().default(2),
  /**
   * Origins photos are fetched from whatever their address, beside the platforms' base URLs
   * (docs/SECURITY.md, "Photos"): comma-separated, e.g. the demo's stand-in.
   */
  MONITORING_PHOTO_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url())),
  /** A PEM file of a certificate authority trusted, besides the system's, for photos from those origins. */
  MONITORING_PHOTO_CA: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export type SubgraphName = 'content' | 'organizations' | 'compliance' | 'monitoring';
export const SUBGRAPHS: readonly SubgraphName[] = ['content', 'organizations', 'compliance', 'monitoring'];

/** Where and how the monitoring subgraph reads each platform (README.md, "Settings"). */
export interface PlatformSettings {
  vk: { apiUrl: string; serviceToken: string | null; ratePerSecond: number };
  telegram: { webUrl: string; ratePerSecond: number };
  ok: { apiUrl: string; appKey: string | null; appSecret: string | null; accessToken: string | null; ratePerSecond: number };
  max: { apiUrl: string; botToken: string | null; ratePerSecond: number };
  /** Where photos may come from besides public addresses, and a certificate authority trusted for them (the demo's stand-in). */
  photos: { trustedOrigins: string[]; caFile: string | null };
}

/** The OpenID Connect provider people sign in through, and the hub's client there (OIDC_*). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface HubConfig {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  jwtSecret: string | undefined;
  /** The longest lifetime of a token the hub accepts, in days (AUTH_MAX_TOKEN_DAYS). */
  maxTokenDays: number;
  /** How long a signed-in session lasts, in hours (SESSION_HOURS). */
  sessionHours: number;
  /** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: sign-in through that provider; null: by e-mailed links. */
  oidc: OidcSettings | null;
  /** TRUST_PROXY: the proxies whose X-Forwarded-For the gateway believes (a hop count, or express's names and subnets). */
  trustProxy: number | string | null;
  timezone: string;
  seed: Env['HUB_SEED'];
  publicUrl: string;
  dataDir: string;
  subgraphTimeoutMs: number;
  /** An author may not approve its own material (CONTENT_FOUR_EYES). */
  contentFourEyes: boolean;
  ports: { gateway: number } & Record<SubgraphName, number>;
  /** The address each subgraph binds (CONTENT_HOST, …; 127.0.0.1 by default). */
  hosts: Record<SubgraphName, string>;
  /** The key of the gateway's credential to the subgraphs (SUBGRAPH_SECRET); derived from jwtSecret when unset. */
  subgraphSecret: string | undefined;
  subgraphUrls: Record<SubgraphName, string>;
  platforms: PlatformSettings;
  /** The gateway's GraphQL endpoint as the hub's own services reach it (GATEWAY_URL). */
  gatewayUrl: string;
  /** Every page is crawled this often (MONITORING_INTERVAL_HOURS). */
  monitoringIntervalMs: number;
  /** The share of the pages this monitoring worker crawls (MONITORING_SHARD k/n): shard k of n. */
  monitoringShard: CrawlShard;
}

/** Shard `index` (1 … count) of `count`: each page belongs to exactly one. */
export interface CrawlShard {
  index: number;
  count: number;
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {}

/** Parses the environment once; fails fast naming every bad variable. */
export function loadConfig(source: Record<string, string | undefined>): HubConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...oidcProblems(cleaned),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  const env = parsed.data;
  const local = (p: number) => `http://127.0.0.1:${p}/graphql`;
  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    jwtSecret: env.AUTH_JWT_SECRET,
    maxTokenDays: env.AUTH_MAX_TOKEN_DAYS,
    sessionHours: env.SESSION_HOURS,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET }
        : null,
    trustProxy: env.TRUST_PROXY === undefined ? null : /^\d+$/u.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
    timezone: env.HUB_TIMEZONE,
    seed: env.HUB_SEED,
    publicUrl: env.HUB_PUBLIC_URL ?? `http://localhost:${env.GATEWAY_PORT}`,
    dataDir: env.DATA_DIR,
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    contentFourEyes: env.CONTENT_FOUR_EYES,
    ports: {
      gateway: env.GATEWAY_PORT,
      content: env.CONTENT_PORT,
      organizations: env.ORGANIZATIONS_PORT,
      compliance: env.COMPLIANCE_PORT,
      monitoring: env.MONITORING_PORT,
    },
    hosts: {
      content: env.CONTENT_HOST,
      organizations: env.ORGANIZATIONS_HOST,
      compliance: env.COMPLIANCE_HOST,
      monitoring: env.MONITORING_HOST,
    },
    subgraphSecret: env.SUBGRAPH_SECRET,
    subgraphUrls: {
      content: env.CONTENT_URL ?? local(env.CONTENT_PORT),
      organizations: env.ORGANIZATIONS_URL ?? local(env.ORGANIZATIONS_PORT),
      compliance: env.COMPLIANCE_URL ?? local(env.COMPLIANCE_PORT),
      monitoring: env.MONITORING_URL ?? local(env.MONITORING_PORT),
    },
    gatewayUrl: env.GATEWAY_URL ?? local(env.GATEWAY_PORT),
    platforms: {
      vk: { apiUrl: env.VK_API_URL, serviceToken: env.VK_SERVICE_TOKEN ?? null, ratePerSecond: env.VK_RATE_PER_SECOND },
      telegram: { webUrl: env.TELEGRAM_WEB_URL, ratePerSecond: env.TELEGRAM_RATE_PER_SECOND },
      ok: {
        apiUrl: env.OK_API_URL,
        appKey: env.OK_APP_KEY ?? null,
        appSecret: env.OK_APP_SECRET ?? null,
        accessToken: env.OK_ACCESS_TOKEN ?? null,
        ratePerSecond: env.OK_RATE_PER_SECOND,
      },
      max: { apiUrl: env.MAX_API_URL, botToken: env.MAX_BOT_TOKEN ?? null, ratePerSecond: env.MAX_RATE_PER_SECOND },
      photos: { trustedOrigins: env.MONITORING_PHOTO_ORIGINS, caFile: env.MONITORING_PHOTO_CA ?? null },
    },
    monitoringIntervalMs: env.MONITORING_INTERVAL_HOURS * 3_600_000,
    monitoringShard: { index: Number(env.MONITORING_SHARD.split('/')[0]), count: Number(env.MONITORING_SHARD.split('/')[1]) },
  };
}

/** Some of the OpenID Connect variables without the others: each one missing, named. */
function oidcProblems(source: Record<string, string | undefined>): string[] {
  const missing = OIDC_VARIABLES.filter((name) => source[name] === undefined);
  if (missing.length === 0 || missing.length === OIDC_VARIABLES.length) return [];
  return missing.map((name) => `${name}: missing (sign-in through an OpenID Connect provider needs ${OIDC_VARIABLES.join(', ')} together)`);
}

/** A service that cannot run without a value says so by name at boot. */
export function required<T>(value: T | undefined, variable: string): T {
  if (value === undefined) throw new ConfigError(`${variable} is required`);
  return value;
}
