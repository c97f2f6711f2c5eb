import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../../shared/errors';
import { AccountRole } from './account.type';
import type { Caller } from './auth.request';

/** The part of the request context authorisation reads. */
export interface AuthContext {
  caller: Caller | null;
  callerError?: unknown;
}

/**
 * The one role check: every `@Authorized()` field and mutation passes through here. No roles: any signed-in
 * account; roles: one of them. Anonymous callers get UNAUTHENTICATED, signed-in callers without the role FORBIDDEN.
 */
export const authChecker: AuthChecker<AuthContext, AccountRole> = ({ context }, roles) => {
  // Without the session store the caller is unknown: say UNAVAILABLE rather than pretend they are anonymous.
  if (context.callerError) throw context.callerError;
  if (!context.caller) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.includes(context.caller.account.role)) throw new ForbiddenError();
  return true;
};

/**
 * The rules that depend on data, for services: the office and administrators act for every municipality, staff
 * only for the municipalities their account works for.
 */
export const guard = {
  signedIn(caller: Caller | null): Caller {
    if (!caller) throw new UnauthenticatedError();
    return caller;
  },
  municipality(caller: Caller | null, ags: string): Caller {
    const signedIn = guard.signedIn(caller);
    const { role, municipalityAgs } = signedIn.account;
    if (role === AccountRole.OFFICE || role === AccountRole.ADMIN || municipalityAgs.includes(ags)) return signedIn;
    throw new ForbiddenError(
      `Ihr Konto ist nicht für die Kommune ${ags} freigeschaltet.`,
      `Your account is not authorised for municipality ${ags}.`,
    );
  },
};
