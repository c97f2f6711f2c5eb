import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { BoardContactSide_SideFragment, BoardIdeaInterestsQuery, BoardIdeaPageQuery, BoardInterest_InterestFragment } from '../../../gql/graphql';
import { formatDate } from '../../../shared/account/dates';
import { isOffice, useSession, type Me } from '../../../shared/account/session';
import { StateBadge } from '../../../shared/components/StateBadge';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { Link } from '../../../shared/i18n/links';
import { FOCUS_FILL, LazyShapeMap, mapShape, scoreColor } from '../../../shared/map/LazyShapeMap';
import { FundingFact } from '../../../shared/score/FundingFact';
import { ScoreDetails, ScoreValue } from '../../../shared/score/ScoreBreakdown';
import {
  AcceptInterestMutation,
  CompleteIdeaMutation,
  DeclineInterestMutation,
  ExpressInterestMutation,
  IdeaInterestsQuery,
  IdeaProposalsQuery,
  IdeaQuery,
  IdeaSuggestionsQuery,
  WithdrawIdeaMutation,
  WithdrawInterestMutation,
} from '../api/board';
import '../board.css';
import { fieldError } from './fieldErrors';
import { IdeaFacts, IdeaStatusBadge, InterestStatusBadge } from './IdeaBits';
import { MunicipalityName } from '../../../shared/account/MunicipalityName';
import { FundingCheck } from './FundingCheck';
import { OfficePanel } from '../office/OfficePanel';

export type IdeaPageIdea = BoardIdeaPageQuery['projectIdea'];

/**
 * The idea page: one section after the other — the idea, the owner's actions, "Interesse bekunden" and the interests
 * (with the contact details once accepted), the engine's partners. Further sections (the funding check, the office
 * panel) are added below as one component each, taking `idea` and `me`.
 */
export function IdeaPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { me, loading: sessionLoading } = useSession();
  const { data, error, refetch } = useQuery(IdeaQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const idea = data?.projectIdea;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/boerse">{t('board.back')}</Link>
      </p>
      {error && !idea && (
        <>
          <h1>{t('board.title')}</h1>
          <ApiErrorMessage error={error} />
        </>
      )}
      {!idea && !error && <p role="status">{t('common.loading')}</p>}
      {idea && !sessionLoading && (
        <>
          <h1>
            {idea.title} <IdeaStatusBadge status={idea.status} />
          </h1>
          <IdeaDetails idea={idea} />
          {idea.viewerCanEdit && <OwnerActions idea={idea} onChanged={() => void refetch()} />}
          {/* Interests before the long ranking: for the owner they are the next step, for others the way to act. */}
          {me && !isOffice(me) && <Proposals idea={idea} me={me} />}
          {me && <Interests idea={idea} me={me} onChanged={() => void refetch()} />}
          {!me && idea.status === 'OPEN' && (
            <p className="notice" data-testid="sign-in-to-express">
              {t('board.signInToExpress')} <Link to={`/anmelden?weiter=${encodeURIComponent(`/boerse/${idea.id}`)}`}>{t('account.signIn')}</Link>
            </p>
          )}
          <Suggestions idea={idea} />
          {/* Further sections of the idea page (funding check, office panel) go here, e.g. <FundingCheckSection idea={idea} me={me} />. */}
          <FundingCheck idea={idea} me={me} />
          <OfficePanel idea={idea} me={me} />
        </>
      )}
    </>
  );
}

function IdeaDetails({ idea }: { idea: IdeaPageIdea }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="idea-details">
      <h2 id="idea-details">{t('board.details')}</h2>
      <p className="idea-description">{idea.description}</p>
      <IdeaFacts idea={idea} />
    </section>
  );
}

function OwnerActions({ idea, onChanged }: { idea: IdeaPageIdea; onChanged: () => void }) {
  const { t } = useTranslation();
  const [complete, completeState] = useMutation(CompleteIdeaMutation);
  const [withdraw, withdrawState] = useMutation(WithdrawIdeaMutation);
  // Both steps that cannot be undone ask first: withdrawing and „Partnerschaft vollständig“.
  const [confirming, setConfirming] = useState<'withdraw' | 'complete' | null>(null);
  const error = completeState.error ?? withdrawState.error;
  const busy = completeState.loading || withdrawState.loading;
  const run = async (action: (options: { variables: { input: { ideaId: string; expectedVersion: number } } }) => Promise<unknown>) => {
    try {
      await action({ variables: { input: { ideaId: idea.id, expectedVersion: idea.version } } });
      setConfirming(null);
      onChanged();
    } catch {
      // Shown below.
    }
  };
  if (idea.status === 'WITHDRAWN') return <p className="notice">{t('board.stateDone.WITHDRAWN')}</p>;
  return (
    <section className="card owner-actions" aria-label={t('board.edit')} data-testid="owner-actions">
      {idea.status === 'PARTNERSHIP_COMPLETE' && <p className="success">{t('board.stateDone.PARTNERSHIP_COMPLETE')}</p>}
      <p className="row-actions">
        {idea.status === 'OPEN' && (
          <Link className="button" to={`/boerse/${idea.id}/aendern`}>
            {t('board.edit')}
          </Link>
        )}
        {idea.status === 'OPEN' && !confirming && (
          <button type="button" className="button-secondary" disabled={busy} aria-describedby="complete-hint" onClick={() => setConfirming('complete')}>
            {t('board.complete')}
          </button>
        )}
        {!confirming ? (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => setConfirming('withdraw')}>
            {t('board.withdraw')}
          </button>
        ) : null}
      </p>
      {idea.status === 'OPEN' && (
        <p id="complete-hint" className="field-help">
          {t('board.completeHint')}
        </p>
      )}
      {confirming && (
        <div className="notice" role="alert" data-testid={`confirm-${confirming}`}>
          <p>{confirming === 'withdraw' ? t('board.withdrawConfirm') : t('board.completeConfirm')}</p>
          <p className="row-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void run(confirming === 'withdraw' ? withdraw : complete)}>
              {confirming === 'withdraw' ? t('board.withdraw') : t('board.complete')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>
              {t('worklist.cancel')}
            </button>
          </p>
        </div>
      )}
      {error && <ApiErrorMessage error={error} />}
    </section>
  );
}

const LABELLED = 5;
const SHOWN_FIRST = 5;

/** The partner finder's ranking for the idea, drawn with the finder's own parts (score, breakdown, funding, map). */
function Suggestions({ idea }: { idea: IdeaPageIdea }) {
  const { t, i18n } = useTranslation();
  const { data, error } = useQuery(IdeaSuggestionsQuery, { variables: { id: idea.id }, skip: !idea.ownerRevealed });
  const n = (v: number) => formatNumber(v, i18n.language);
  const result = data?.projectIdea.suggestions;
  // The first five, the rest on request: ten cards with their reasons are a long way to the next section on a phone.
  const [all, setAll] = useState(false);
  const shown = result ? (all ? result.candidates : result.candidates.slice(0, SHOWN_FIRST)) : [];
  return (
    <section className="card" aria-labelledby="idea-suggestions" data-testid="idea-suggestions">
      <h2 id="idea-suggestions">{t('board.suggestionsTitle')}</h2>
      {!idea.ownerRevealed ? (
        <p className="muted">{t('board.suggestionsHidden')}</p>
      ) : error ? (
        <ApiErrorMessage error={error} />
      ) : !data ? (
        <p role="status">{t('common.loading')}</p>
      ) : !result || result.candidates.length === 0 ? (
        <p>{t('board.suggestionsNone')}</p>
      ) : (
        <>
          <p>{t('board.suggestionsIntro', { radius: n(result.maxDistanceKm), target: n(result.targetPopulation), count: result.consideredCount })}</p>
          <div className="finder-layout">
            <div>
              <ol className="candidates" aria-label={t('board.suggestionsTitle')}>
                {shown.map((c) => (
                  <li
                    key={c.municipality.ags}
                    className={`card candidate${c.municipality.crossBorder ? ' candidate-cross-border' : ''}`}
                    data-testid="candidate"
                  >
                    <h3 className="candidate-title">
                      <span className="rank">{c.rank}.</span> <Link to={`/kommune/${c.municipality.ags}`}>{c.municipality.shortName}</Link>{' '}
                      <StateBadge municipality={c.municipality} /> <ScoreValue score={c.score} />
                    </h3>
                    <p className="muted">
                      {c.municipality.district?.name} · {n(c.municipality.population)} {t('common.inhabitantsShort')} · {n(c.facts.distanceKm)} km ·{' '}
                      {t('finder.combined', { population: n(c.facts.combinedPopulation) })}
                    </p>
                    <FundingFact funding={c.funding} />
                    <ScoreDetails components={c.components} open={c.rank <= 1} />
                  </li>
                ))}
              </ol>
              {result.candidates.length > shown.length && (
                <p>
                  <button type="button" className="button-secondary" onClick={() => setAll(true)}>
                    {t('board.suggestionsAll', { count: result.candidates.length })}
                  </button>
                </p>
              )}
            </div>
            <aside>
              <LazyShapeMap
                height={340}
                label={t('board.suggestionsMap')}
                shapes={[
                  mapShape(result.municipality, FOCUS_FILL, { focus: true, mark: { name: result.municipality.shortName } }),
                  ...result.candidates.map((c) =>
                    mapShape(
                      c.municipality,
                      scoreColor(c.score, Math.min(...result.candidates.map((x) => x.score)), Math.max(...result.candidates.map((x) => x.score))),
                      {
                        label: `${c.rank}. ${c.municipality.shortName}`,
                        mark: { rank: c.rank, name: c.rank <= LABELLED ? c.municipality.shortName : undefined },
                      },
                    ),
                  ),
                ]}
                legend={[
                  { label: t('board.suggestionsOwner'), fill: FOCUS_FILL, focus: true },
                  { label: t('board.lowScore'), fill: '#deebf7' },
                  { label: t('board.highScore'), fill: '#08519c' },
                ]}
              />
            </aside>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The office's proposals as the two sides read them (issue 12, part 2): the owner sees every proposal for its idea,
 * a proposed municipality its own — each with the office's message to both sides.
 */
function Proposals({ idea, me }: { idea: IdeaPageIdea; me: Me }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(IdeaProposalsQuery, { variables: { id: idea.id }, fetchPolicy: 'cache-and-network' });
  const proposals = data?.projectIdea.proposals ?? [];
  if (proposals.length === 0) return null;
  const owner = idea.viewerIsOwner;
  return (
    <section className="card" aria-labelledby="idea-proposals" data-testid="idea-proposals">
      <h2 id="idea-proposals">{t('board.proposalsTitle')}</h2>
      <p>{owner ? t('board.proposalsIntroOwner') : t('board.proposalsIntroProposed')}</p>
      <ul className="plain-list interest-list">
        {proposals.map((p) => (
          <li key={p.id} className="interest" data-testid="idea-proposal" data-ags={p.municipality.ags}>
            <p>
              <strong>
                {owner || !me.municipalityAgs.includes(p.municipality.ags)
                  ? t('board.proposalFor', { name: p.municipality.shortName })
                  : t('board.proposalMessage')}
              </strong>{' '}
              <span className="muted small">{formatDate(p.createdAt, i18n.language)}</span>
            </p>
            <p className="quote" data-testid="proposal-message">
              <span className="sr-only">{t('board.proposalMessage')}: </span>
              {p.message}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Interests({ idea, me, onChanged }: { idea: IdeaPageIdea; me: Me; onChanged: () => void }) {
  const { t } = useTranslation();
  // The contact relay is for the two sides only: the office sees every interest of the ideas it brokers, but asks for
  // no contact (staff of another municipality only get their own interests, so they are always a side).
  const withContact = idea.viewerIsOwner || !isOffice(me);
  const { data, error, refetch } = useQuery(IdeaInterestsQuery, { variables: { id: idea.id, withContact }, fetchPolicy: 'cache-and-network' });
  const interests = data?.projectIdea.interests ?? [];
  const changed = () => {
    void refetch();
    onChanged();
  };
  // The office sees every interest of the ideas it brokers, like the owner side.
  const ownerSide = idea.viewerIsOwner || idea.viewerCanEdit || isOffice(me);
  // Staff of a municipality that has no live interest yet; the API decides (viewerCanExpressInterest).
  const mayExpress = idea.viewerCanExpressInterest && me.municipalityAgs.length > 0;
  const [sent, setSent] = useState(false);
  return (
    <>
      {/* Stays after sending (the idea then takes no second interest from us) to show that it went out. */}
      {(mayExpress || sent) && (
        <ExpressInterest
          idea={idea}
          me={me}
          existing={interests}
          sent={sent}
          onSent={() => {
            setSent(true);
            changed();
          }}
        />
      )}
      {(ownerSide || interests.length > 0) && (
        <section className="card" aria-labelledby="idea-interests" data-testid="idea-interests">
          <h2 id="idea-interests">{ownerSide ? t('board.interestsTitle') : t('board.interestsOwnTitle')}</h2>
          {error && <ApiErrorMessage error={error} />}
          {!data && !error && <p role="status">{t('common.loading')}</p>}
          {data && interests.length === 0 && <p>{t('board.interestsEmpty')}</p>}
          {interests.length > 0 && (
            <ul className="plain-list interest-list">
              {interests.map((interest) => (
                <InterestItem key={interest.id} interest={interest} idea={idea} me={me} onChanged={changed} />
              ))}
            </ul>
          )}
          {interests.some((i) => i.status === 'PENDING') && <p className="muted small">{t('board.contactPending')}</p>}
        </section>
      )}
    </>
  );
}

type IdeaInterest = BoardIdeaInterestsQuery['projectIdea']['interests'][number];

function InterestItem({ interest, idea, me, onChanged }: { interest: IdeaInterest; idea: IdeaPageIdea; me: Me; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [revoking, setRevoking] = useState(false);
  const [accept, acceptState] = useMutation(AcceptInterestMutation);
  const [decline, declineState] = useMutation(DeclineInterestMutation);
  const [withdraw, withdrawState] = useMutation(WithdrawInterestMutation);
  const error = acceptState.error ?? declineState.error ?? withdrawState.error;
  const busy = acceptState.loading || declineState.loading || withdrawState.loading;
  const name = interest.municipality.shortName;
  const mine = me.municipalityAgs.includes(interest.municipality.ags);
  const run = async (action: (options: { variables: { input: { interestId: string } } }) => Promise<unknown>) => {
    try {
      await action({ variables: { input: { interestId: interest.id } } });
      setRevoking(false);
      onChanged();
    } catch {
      // Shown below.
    }
  };
  return (
    <li className="interest" data-testid="interest">
      <p>
        <strong>{name}</strong> <InterestStatusBadge status={interest.status} />{' '}
        <span className="muted small">{t('board.interestOn', { date: formatDate(interest.createdAt, i18n.language) })}</span>
      </p>
      <p className="quote">{interest.message}</p>
      {idea.viewerIsOwner && interest.status === 'PENDING' && (
        <p className="row-actions">
          <button type="button" className="button" disabled={busy} aria-label={t('board.acceptLabel', { name })} onClick={() => void run(accept)}>
            {t('board.accept')}
          </button>
          <button type="button" className="button-secondary" disabled={busy} aria-label={t('board.declineLabel', { name })} onClick={() => void run(decline)}>
            {t('board.decline')}
          </button>
        </p>
      )}
      {/* The owner may take its consent back (declineInterest on an accepted interest): the contact relay closes again. */}
      {idea.viewerIsOwner && interest.status === 'ACCEPTED' && !revoking && (
        <p>
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            aria-label={t('board.revokeConsentLabel', { name })}
            onClick={() => setRevoking(true)}
          >
            {t('board.revokeConsent')}
          </button>
        </p>
      )}
      {revoking && (
        <div className="notice" role="alert" data-testid="confirm-revoke">
          <p>{t('board.revokeConsentConfirm', { name })}</p>
          <p className="row-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void run(decline)}>
              {t('board.revokeConsent')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setRevoking(false)}>
              {t('worklist.cancel')}
            </button>
          </p>
        </div>
      )}
      {mine && !idea.viewerIsOwner && (interest.status === 'PENDING' || interest.status === 'ACCEPTED') && (
        <p>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void run(withdraw)}>
            {t('board.withdrawInterest')}
          </button>
        </p>
      )}
      {error && <ApiErrorMessage error={error} />}
      {'contact' in interest && interest.contact && (
        <div className="contact-relay" data-testid="contact">
          <h3>{t('board.contactTitle')}</h3>
          <div className="grid-2">
            <ContactSideView side={interest.contact.owner} heading={t('board.contactOwner', { name: interest.contact.owner.municipality.shortName })} />
            <ContactSideView
              side={interest.contact.interested}
              heading={t('board.contactInterested', { name: interest.contact.interested.municipality.shortName })}
            />
          </div>
        </div>
      )}
    </li>
  );
}

function ContactSideView({ side, heading }: { side: BoardContactSide_SideFragment; heading: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <h4>{heading}</h4>
      {(side.name || side.email) && (
        <p>
          {t('board.contactActed')}: {side.name} {side.email && <a href={`mailto:${side.email}`}>{side.email}</a>}
        </p>
      )}
      <p className="muted small">{t('board.contactPersons')}</p>
      {side.contactPersons.length === 0 ? (
        <p className="muted">{t('board.contactNone')}</p>
      ) : (
        <ul className="contact-list">
          {side.contactPersons.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {p.function && <>, {p.function}</>}
              {p.email && (
                <>
                  {' '}
                  · {t('board.email')}: <a href={`mailto:${p.email}`}>{p.email}</a>
                </>
              )}
              {p.phone && (
                <>
                  {' '}
                  · {t('board.phone')}: <a href={`tel:${p.phone.replace(/\s+/g, '')}`}>{p.phone}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ExpressInterest({
  idea,
  me,
  existing,
  sent,
  onSent,
}: {
  idea: IdeaPageIdea;
  me: Me;
  existing: BoardInterest_InterestFragment[];
  sent: boolean;
  onSent: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const taken = new Set(existing.filter((i) => i.status !== 'WITHDRAWN').map((i) => i.municipality.ags));
  const choices = me.municipalityAgs.filter((ags) => !taken.has(ags) && ags !== idea.municipality?.ags);
  const [ags, setAgs] = useState(choices[0] ?? '');
  const [message, setMessage] = useState('');
  const [express, state] = useMutation(ExpressInterestMutation);
  const [error, setError] = useState<ErrorLike | undefined>();
  const alertRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const messageProblem = fieldError(error, 'message', i18n.language);
  useEffect(() => {
    if (!error) return;
    if (messageProblem) messageRef.current?.focus();
    else alertRef.current?.focus();
  }, [error, messageProblem]);
  if (choices.length === 0 && !sent) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await express({ variables: { input: { ideaId: idea.id, municipalityAgs: ags || choices[0]!, message } } });
      setMessage('');
      onSent();
    } catch (e) {
      setError(e as ErrorLike);
    }
  };
  return (
    <section className="card" aria-labelledby="express-interest" data-testid="express-interest">
      <h2 id="express-interest">{t('board.interestTitle')}</h2>
      {sent ? (
        <p className="success" role="status">
          {t('board.interestSent')}
        </p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <p>{t('board.interestIntro')}</p>
          {error && !messageProblem && (
            <div ref={alertRef} tabIndex={-1}>
              <ApiErrorMessage error={error} kept />
            </div>
          )}
          {choices.length > 1 && (
            <div className="field">
              <label htmlFor={`${id}-ags`}>{t('board.interestFor')}</label>
              <select id={`${id}-ags`} value={ags} onChange={(e) => setAgs(e.target.value)}>
                {choices.map((a) => (
                  <option key={a} value={a}>
                    <MunicipalityName ags={a} />
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-message`}>{t('board.interestMessage')}</label>
            <textarea
              ref={messageRef}
              id={`${id}-message`}
              rows={4}
              maxLength={2000}
              value={message}
              aria-invalid={messageProblem ? true : undefined}
              aria-describedby={`${id}-message-hint${messageProblem ? ` ${id}-message-problem` : ''}`}
              onChange={(e) => setMessage(e.target.value)}
            />
            <p id={`${id}-message-hint`} className="field-help">
              {t('board.interestMessageHint')}
            </p>
            {messageProblem && (
              <p id={`${id}-message-problem`} className="field-problem" data-testid="field-problem">
                {messageProblem} {t('writeErrors.kept')}
              </p>
            )}
          </div>
          <p>
            <button type="submit" className="button" disabled={state.loading}>
              {state.loading ? t('board.interestSending') : t('board.interestSend')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

export default IdeaPage;
