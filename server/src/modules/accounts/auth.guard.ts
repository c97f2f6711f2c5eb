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
    throw new ForbiddenError(`Ihr Konto ist nicht für die Kommune ${ags} freigeschaltet.`, `Your account is not authorised for municipality ${ags}.`);
  },
  /** The office and administrators (review, direct edits, imports, the worklist). */
  office(caller: Caller | null): Caller {
    const signedIn = guard.signedIn(caller);
    if (signedIn.account.role === AccountRole.OFFICE || signedIn.account.role === AccountRole.ADMIN) return signedIn;
    throw new ForbiddenError();
  },
  /**
   * Reporting about a cooperation: staff only for one that includes (now or as reported) one of their
   * municipalities; returns the first of theirs among `memberAgs` (null for the office, which reports for anyone).
   */
  cooperationMembers(caller: Caller | null, memberAgs: readonly string[]): { caller: Caller; municipalityAgs: string | null } {
    const signedIn = guard.signedIn(caller);
    const { role, municipalityAgs } = signedIn.account;
    const own = memberAgs.find((ags) => municipalityAgs.includes(ags)) ?? null;
    if (role === AccountRole.OFFICE || role === AccountRole.ADMIN) return { caller: signedIn, municipalityAgs: own };
    if (own) return { caller: signedIn, municipalityAgs: own };
    throw new ForbiddenError(
      'Sie können nur Kooperationen melden, an denen eine Ihrer Kommunen beteiligt ist.',
      'You can only report cooperations that include one of your municipalities.',
    );
  },
  /** A contribution is seen by its author, the office and administrators (it may hold unreviewed claims). */
  contribution(caller: Caller | null, contribution: { authorId: string }): Caller {
    const signedIn = guard.signedIn(caller);
    const { role, id } = signedIn.account;
    if (role === AccountRole.OFFICE || role === AccountRole.ADMIN || contribution.authorId === id) return signedIn;
    throw new ForbiddenError(
      'Diese Meldung ist nur für ihre Verfasserin oder ihren Verfasser und die Geschäftsstelle sichtbar.',
      'This contribution is visible only to its author and the office.',
    );
  },
};

// --- Kooperationsbörse (docs/decisions/014) ------------------------------------------------------------------
// The board's rules, separate from the ones above so that the register's and the board's do not mix. Types are
// structural (strings), so that the accounts module does not import the board's.

/** What the board's rules read of an idea: its owner municipality, visibility, status and who holds an interest. */
export interface BoardIdeaFacts {
  municipalityAgs: string;
  visibility: string;
  status: string;
  /** Municipalities with an interest that is not withdrawn, and those whose interest the owner accepted. */
  interestedAgs: readonly string[];
  acceptedAgs: readonly string[];
  /** Municipalities the office proposed for the idea (docs/decisions/017): parties like the interested ones. */
  proposedAgs?: readonly string[];
}

const isOffice = (caller: Caller | null): boolean => caller?.account.role === AccountRole.OFFICE || caller?.account.role === AccountRole.ADMIN;
const worksFor = (caller: Caller | null, ags: string): boolean => caller?.account.municipalityAgs.includes(ags) ?? false;

export const boardGuard = {
  /**
   * Who sees an idea, and how much: FULL, ANONYMISED (a party to an office-only idea before acceptance: the idea
   * without who posted it) or null (it does not exist for the caller). The office, administrators and the owner
   * municipality's staff see every idea; staff of a municipality with an interest keep seeing it (also when it was
   * withdrawn or narrowed later), and so do staff of a municipality the office proposed for it; everyone else sees
   * open and completed ideas as their visibility says.
   */
  ideaAccess(caller: Caller | null, idea: BoardIdeaFacts): 'FULL' | 'ANONYMISED' | null {
    if (isOffice(caller) || worksFor(caller, idea.municipalityAgs)) return 'FULL';
    const party = idea.interestedAgs.some((ags) => worksFor(caller, ags)) || (idea.proposedAgs ?? []).some((ags) => worksFor(caller, ags));
    const accepted = idea.acceptedAgs.some((ags) => worksFor(caller, ags));
    if (idea.visibility === 'OFFICE_ONLY') return accepted ? 'FULL' : party ? 'ANONYMISED' : null;
    if (party) return 'FULL';
    if (idea.status === 'WITHDRAWN') return null;
    if (idea.visibility === 'PUBLIC') return 'FULL';
    if (idea.visibility === 'SIGNED_IN' && caller) return 'FULL';
    return null;
  },
  /** Editing, withdrawing, completing: the owner municipality's staff, the office and administrators. */
  mayManageIdea: (caller: Caller | null, idea: BoardIdeaFacts): boolean => isOffice(caller) || worksFor(caller, idea.municipalityAgs),
  manageIdea(caller: Caller | null, idea: BoardIdeaFacts): Caller {
    const signedIn = guard.signedIn(caller);
    if (boardGuard.mayManageIdea(signedIn, idea)) return signedIn;
    throw new ForbiddenError(
      'Nur die Kommune, die das Vorhaben eingestellt hat, und die Geschäftsstelle können es ändern.',
      'Only the municipality that posted the idea and the office can change it.',
    );
  },
  /**
   * Acting as a municipality on the board (expressing interest, withdrawing it): the account must work for it,
   * whatever its role — the office brokers, it does not speak for a municipality.
   */
  mayActFor: (caller: Caller | null, ags: string): boolean => worksFor(caller, ags),
  actFor(caller: Caller | null, ags: string): Caller {
    const signedIn = guard.signedIn(caller);
    if (boardGuard.mayActFor(signedIn, ags)) return signedIn;
    throw new ForbiddenError(`Ihr Konto ist nicht für die Kommune ${ags} freigeschaltet.`, `Your account is not authorised for municipality ${ags}.`);
  },
  /** Moving an idea along the pipeline (docs/decisions/017): the same people as managing it. */
  maySetStage: (caller: Caller | null, idea: BoardIdeaFacts): boolean => boardGuard.mayManageIdea(caller, idea),
  setStage(caller: Caller | null, idea: BoardIdeaFacts): Caller {
    const signedIn = guard.signedIn(caller);
    if (boardGuard.maySetStage(signedIn, idea)) return signedIn;
    throw new ForbiddenError(
      'Die Phase eines Vorhabens ändern nur die Kommune, die es eingestellt hat, und die Geschäftsstelle.',
      'Only the municipality that posted the idea and the office can change its stage.',
    );
  },
  /**
   * Who sees who moved an idea along the pipeline and the note given: the office, the owner's staff and staff of a
   * municipality whose interest was accepted (the parties that know each other); the stage and date are for everyone.
   */
  mayReadStageDetails: (caller: Caller | null, idea: BoardIdeaFacts): boolean =>
    isOffice(caller) || worksFor(caller, idea.municipalityAgs) || idea.acceptedAgs.some((ags) => worksFor(caller, ags)),
  /**
   * Which proposals of an idea a caller sees: all for the office and the owner's staff; their own for staff of a
   * proposed municipality; nothing for anyone else (null).
   */
  proposalSide(caller: Caller | null, proposal: { municipalityAgs: string }, idea: BoardIdeaFacts): 'OWNER' | 'PROPOSED' | 'OFFICE' | null {
    if (worksFor(caller, idea.municipalityAgs)) return 'OWNER';
    if (worksFor(caller, proposal.municipalityAgs)) return 'PROPOSED';
    return isOffice(caller) ? 'OFFICE' : null;
  },
  /**
   * A municipality's contact persons (issue 11's `Municipality.contactPersons`) are personal data that flow only with
   * consent (issue 12): its own staff, the office, administrators, and staff of a municipality with an ACCEPTED
   * interest between the two in either direction (`acceptedPartners`: those municipalities, one batched lookup).
   */
  mayReadContactPersons: (caller: Caller | null, ags: string, acceptedPartners: readonly string[]): boolean =>
    isOffice(caller) || worksFor(caller, ags) || acceptedPartners.some((other) => worksFor(caller, other)),
  /** Whether the contact-person rule needs the lookup of accepted interests at all (not for the office or own staff). */
  contactPersonsNeedConsent: (caller: Caller | null, ags: string): boolean => !isOffice(caller) && !worksFor(caller, ags),
  /** Accepting or declining an interest is the owner's consent: its municipality's staff only, not the office. */
  mayRespond: (caller: Caller | null, idea: BoardIdeaFacts): boolean => worksFor(caller, idea.municipalityAgs),
  respond(caller: Caller | null, idea: BoardIdeaFacts): Caller {
    const signedIn = guard.signedIn(caller);
    if (boardGuard.mayRespond(signedIn, idea)) return signedIn;
    throw new ForbiddenError(
      'Über ein Interesse entscheidet nur die Kommune, die das Vorhaben eingestellt hat.',
      'Only the municipality that posted the idea decides on an interest.',
    );
  },
  /** Who sees an interest: the owner side, the interested side, the office and administrators (null: nobody else). */
  interestSide(caller: Caller | null, interest: { municipalityAgs: string }, idea: BoardIdeaFacts): 'OWNER' | 'INTERESTED' | 'OFFICE' | null {
    if (worksFor(caller, idea.municipalityAgs)) return 'OWNER';
    if (worksFor(caller, interest.municipalityAgs)) return 'INTERESTED';
    return isOffice(caller) ? 'OFFICE' : null;
  },
  /**
   * Contact details of an interest: the two sides only, and only once the owner accepted (true); before that, and for
   * anyone else — the office included — false (the field reads null, never an error: the idea page selects it for
   * everyone who sees interests). The consent was given between the two municipalities, not to the office.
   */
  contact(caller: Caller | null, interest: { municipalityAgs: string; status: string }, idea: BoardIdeaFacts): boolean {
    if (!worksFor(caller, idea.municipalityAgs) && !worksFor(caller, interest.municipalityAgs)) return false;
    return interest.status === 'ACCEPTED';
  },
};
