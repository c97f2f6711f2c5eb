/**
 * E-mail of the board's notices (issue 12 part 5, docs/decisions/018). Off unless SMTP_URL is set: then every server
 * runs the outbox loop (notice-mailer.ts); without it nothing is sent and the in-app inbox is the only channel.
 */
export interface MailOptions {
  /** nodemailer connection URL: smtp://[user:pass@]host:port (STARTTLS when offered) or smtps:// (TLS from the start). */
  smtpUrl: string;
  /** Sign in with these when the URL carries no credentials. */
  user?: string | undefined;
  password?: string | undefined;
  /** Refuse to send over smtp:// unless the server upgrades with STARTTLS. */
  requireTls: boolean;
  /** The From header, e.g. `Kooperationsatlas NRW <noreply@example.nrw>`. */
  from: string;
  /** Where users open the app (the links in the e-mails), without a trailing slash. */
  publicBaseUrl: string;
  /** How often each server looks for notices not yet mailed. */
  pollMs: number;
  /** Notices claimed per pass (one e-mail each). */
  batchSize: number;
  /** A claim is another server's to take over after this long (a server that died mid-send). */
  leaseMs: number;
  /** The first retry after a failure waits this long, each further one twice as long, at most `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** After this many failed attempts a notice is given up (it stays in the inbox). */
  maxAttempts: number;
  /** Notices older than this are not mailed any more (a long SMTP outage or a mail switch-on never floods). */
  maxAgeMs: number;
  /** SMTP connection, greeting and socket timeouts: a hanging server must not hold a claim for the whole lease. */
  timeoutMs: number;
}

export const MAIL_DEFAULTS = {
  pollMs: 5_000,
  batchSize: 20,
  leaseMs: 5 * 60_000,
  retryBaseMs: 30_000,
  retryMaxMs: 30 * 60_000,
  maxAttempts: 20,
  maxAgeMs: 48 * 60 * 60_000,
  timeoutMs: 20_000,
} as const;

/** The options from the parsed environment (server/src/config.ts); undefined when SMTP is not configured. */
export function mailOptionsFromConfig(config: {
  SMTP_URL?: string | undefined;
  SMTP_USER?: string | undefined;
  SMTP_PASSWORD?: string | undefined;
  SMTP_REQUIRE_TLS: boolean;
  MAIL_FROM?: string | undefined;
  PUBLIC_BASE_URL?: string | undefined;
  KA_MAIL_POLL_MS: number;
  KA_MAIL_MAX_ATTEMPTS: number;
  KA_MAIL_MAX_AGE_HOURS: number;
}): MailOptions | undefined {
  if (!config.SMTP_URL) return undefined;
  return {
    ...MAIL_DEFAULTS,
    smtpUrl: config.SMTP_URL,
    user: config.SMTP_USER,
    password: config.SMTP_PASSWORD,
    requireTls: config.SMTP_REQUIRE_TLS,
    // config.ts refuses SMTP_URL without these two.
    from: config.MAIL_FROM!,
    publicBaseUrl: config.PUBLIC_BASE_URL!.replace(/\/+$/, ''),
    pollMs: config.KA_MAIL_POLL_MS,
    maxAttempts: config.KA_MAIL_MAX_ATTEMPTS,
    maxAgeMs: config.KA_MAIL_MAX_AGE_HOURS * 60 * 60_000,
  };
}
