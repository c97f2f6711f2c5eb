import express, { type Request, type Response } from 'express';
import * as client from 'openid-client';
import { AccountStatus, AuditAction } from './account.type';
import type { AccountService } from './account.service';
import type { OidcOptions } from './auth.options';
import { httpExchange, readCookie } from './auth.request';

const FLOW_COOKIE = 'ka_oidc';
const FLOW_MAX_AGE_MS = 10 * 60 * 1000;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * Sign-in through the state's identity provider: authorization code with PKCE, state and nonce. The short-lived
 * flow values ride in an httpOnly cookie bound to /auth/oidc, so any app server can finish a flow another began.
 * The outcome is a redirect to the app: with a session (ACTIVE account) or with ?anmeldung=ausstehend|gesperrt|fehler.
 */
export function oidcRouter(accounts: AccountService, options: OidcOptions, log: (line: string) => void): express.Router {
  const router = express.Router();
  let configuration: Promise<client.Configuration> | undefined;
  const issuer = new URL(options.issuer);
  const discover = (): Promise<client.Configuration> => {
    // Plain http only for a provider on this machine (the tests' provider); anything else must be https.
    configuration ??= client
      .discovery(
        issuer,
        options.clientId,
        options.clientSecret,
        undefined,
        isLoopback(issuer) && issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };
  const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/auth/oidc' });

  router.get('/login', async (req: Request, res: Response) => {
    try {
      const config = await discover();
      const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      res.cookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), { ...cookieOptions(req), maxAge: FLOW_MAX_AGE_MS });
      res.redirect(302, url.href);
    } catch (error) {
      log(`oidc login failed: ${error instanceof Error ? error.message : String(error)}`);
      res.redirect(302, '/?anmeldung=fehler');
    }
  });

  router.get('/callback', async (req: Request, res: Response) => {
    const raw = readCookie(req.headers.cookie, FLOW_COOKIE);
    res.clearCookie(FLOW_COOKIE, cookieOptions(req));
    try {
      if (!raw) throw new Error('no sign-in flow in progress (cookie missing or expired)');
      const flow = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Flow;
      const config = await discover();
      const current = new URL(options.redirectUri);
      current.search = new URL(req.originalUrl, 'http://callback.invalid').search;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      // Providers put e-mail and name in the ID token or only in userinfo; read both.
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      const email = (info.email ?? idClaims.email) as string | undefined;
      const emailVerified = (info.email_verified ?? idClaims.email_verified) === true;
      const name = (info.name ?? idClaims.name) as string | undefined;
      const http = httpExchange(req, res);
      const account = await accounts.accountForOidcUser(config.serverMetadata().issuer, { sub: idClaims.sub, email, emailVerified, name }, http);
      if (account.status === AccountStatus.PENDING) return res.redirect(302, '/?anmeldung=ausstehend');
      if (account.status === AccountStatus.DISABLED) return res.redirect(302, '/?anmeldung=gesperrt');
      await accounts.startSession(account, http, null, AuditAction.OIDC_SIGN_IN, { issuer: config.serverMetadata().issuer });
      return res.redirect(302, '/');
    } catch (error) {
      log(`oidc callback failed: ${error instanceof Error ? error.message : String(error)}`);
      return res.redirect(302, '/?anmeldung=fehler');
    }
  });

  return router;
}
