/** Session and sign-in policy (docs/decisions/011); defaults for production, shortened in tests. */
export interface AuthOptions {
  /** A session unused for this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, however much it is used. */
  sessionAbsoluteMs: number;
  /** lastSeenAt is written at most this often per session (it is a write per request otherwise). */
  sessionTouchMs: number;
  /** Wrong passwords for one e-mail within the window before it is locked. */
  maxFailuresPerAccount: number;
  /** Wrong passwords from one address within the window before it is locked. */
  maxFailuresPerAddress: number;
  failureWindowMs: number;
  lockMs: number;
  /** Each failure after the first delays the next answer by this times 2^(failures-2), at most 8 times. */
  slowdownMs: number;
  oidc?: OidcOptions | undefined;
}

export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  sessionIdleMs: 8 * 60 * 60 * 1000,
  sessionAbsoluteMs: 7 * 24 * 60 * 60 * 1000,
  sessionTouchMs: 60 * 1000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  failureWindowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
  slowdownMs: 250,
};

export const SESSION_COOKIE = 'ka_session';

/** The policy from the parsed environment (server/src/config.ts). */
export function authOptionsFromConfig(config: {
  KA_SESSION_IDLE_MINUTES: number;
  KA_SESSION_MAX_HOURS: number;
  KA_SIGNIN_MAX_FAILURES: number;
  KA_SIGNIN_MAX_FAILURES_PER_ADDRESS: number;
  KA_SIGNIN_LOCK_MINUTES: number;
  OIDC_ISSUER?: string | undefined;
  OIDC_CLIENT_ID?: string | undefined;
  OIDC_CLIENT_SECRET?: string | undefined;
  OIDC_REDIRECT_URI?: string | undefined;
}): AuthOptions {
  const minutes = 60 * 1000;
  return {
    ...DEFAULT_AUTH_OPTIONS,
    sessionIdleMs: config.KA_SESSION_IDLE_MINUTES * minutes,
    sessionAbsoluteMs: config.KA_SESSION_MAX_HOURS * 60 * minutes,
    maxFailuresPerAccount: config.KA_SIGNIN_MAX_FAILURES,
    maxFailuresPerAddress: config.KA_SIGNIN_MAX_FAILURES_PER_ADDRESS,
    failureWindowMs: config.KA_SIGNIN_LOCK_MINUTES * minutes,
    lockMs: config.KA_SIGNIN_LOCK_MINUTES * minutes,
    oidc:
      config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET && config.OIDC_REDIRECT_URI
        ? { issuer: config.OIDC_ISSUER, clientId: config.OIDC_CLIENT_ID, clientSecret: config.OIDC_CLIENT_SECRET, redirectUri: config.OIDC_REDIRECT_URI }
        : undefined,
  };
}
