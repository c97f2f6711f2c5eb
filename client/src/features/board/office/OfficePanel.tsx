import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardIdeaStageQuery, IdeaStage, IdeaStatus, IdeaVisibility, LegalForm } from '../../../gql/graphql';
import { formatDate, formatDateTime } from '../../../shared/account/dates';
import { isOffice, type Me } from '../../../shared/account/session';
import { ApiErrorMessage } from '../../../shared/errors';
import { Link } from '../../../shared/i18n/links';
import { LEGAL_FORMS } from '../../../shared/components/CooperationFilterFields';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import { fieldError } from '../components/fieldErrors';
import './office.css';
import {
  AddNoteMutation,
  CreateContributionFromIdeaMutation,
  IdeaOfficeQuery,
  IdeaRegisterQuery,
  IdeaStageQuery,
  ProposeMatchMutation,
  SetStageMutation,
} from './api';

/** What the panel needs of the idea page's idea. */
export interface OfficePanelIdea {
  id: string;
  status: IdeaStatus;
  visibility: IdeaVisibility;
}

/** From „Vereinbarung“ on the office may turn the idea into a register record (issue 12, part 6). */
const REGISTER_STAGES: readonly IdeaStage[] = ['AGREEMENT', 'IMPLEMENTED', 'FUNDED'];

/**
 * The office's panel on the idea page (issue 12, part 4): the stage with its history and a control to move it (also
 * for the owner municipality's staff, whom the API lets move it), and for the office the proposals — a municipality
 * found with the app's search, with a message to both sides — and the office's own notes.
 */
export function OfficePanel({ idea, me }: { idea: OfficePanelIdea; me: Me | null }) {
  const { t } = useTranslation();
  const office = isOffice(me);
  const stage = useQuery(IdeaStageQuery, { variables: { id: idea.id }, skip: !me, fetchPolicy: 'cache-and-network' });
  const data = stage.data?.projectIdea;
  if (!me || (!office && !data?.viewerCanSetStage)) return null;
  return (
    <section className="card office-panel" aria-labelledby="office-panel" data-testid="office-panel">
      <h2 id="office-panel">{office ? t('boardOffice.panelTitle') : t('boardOffice.stageTitle')}</h2>
      {office && (
        <p>
          <Link to="/geschaeftsstelle/boerse">{t('boardOffice.dashboardLink')}</Link>
        </p>
      )}
      {stage.error && !data && <ApiErrorMessage error={stage.error} />}
      {data && <StageSection idea={data} />}
      {office && <OfficeSections idea={idea} />}
      {office && data && REGISTER_STAGES.includes(data.stage) && <RegisterSection ideaId={idea.id} />}
    </section>
  );
}

type StageIdea = BoardIdeaStageQuery['projectIdea'];

function StageSection({ idea }: { idea: StageIdea }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [next, setNext] = useState<IdeaStage | ''>('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<IdeaStage | null>(null);
  const [error, setError] = useState<ErrorLike | undefined>();
  const [setStage, state] = useMutation(SetStageMutation);
  const chosen = next && idea.nextStages.includes(next) ? next : (idea.nextStages[0] ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setError(undefined);
    try {
      await setStage({ variables: { input: { ideaId: idea.id, stage: chosen, expectedVersion: idea.version, note: note.trim() || null } } });
      setSaved(chosen);
      setNote('');
      setNext('');
    } catch (e) {
      setError(e as ErrorLike);
    }
  };
  return (
    <div data-testid="stage-section">
      <h3>{t('boardOffice.stageTitle')}</h3>
      <p data-testid="stage-now" data-stage={idea.stage}>
        {t('boardOffice.stageNow', { stage: t(`board.stage.${idea.stage}`), date: formatDate(idea.stageChangedAt, i18n.language) })}
      </p>
      <h4 className="sr-only">{t('boardOffice.stageHistory')}</h4>
      <ol className="stage-history" aria-label={t('boardOffice.stageHistory')} data-testid="stage-history">
        {idea.stageHistory.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <strong>{t(`board.stage.${h.stage}`)}</strong> <span className="muted small">{formatDateTime(h.at, i18n.language)}</span>
            {h.by && <span className="muted small"> · {t('boardOffice.stageBy', { name: h.by })}</span>}
            {h.note && <span className="small"> – „{h.note}“</span>}
          </li>
        ))}
      </ol>
      {saved && (
        <p className="success" role="status">
          {t('boardOffice.stageSaved', { stage: t(`board.stage.${saved}`) })}
        </p>
      )}
      {idea.viewerCanSetStage && idea.nextStages.length === 0 && <p className="muted">{t('boardOffice.stageFinal')}</p>}
      {idea.viewerCanSetStage && idea.nextStages.length > 0 && (
        <form className="stage-form" onSubmit={(e) => void submit(e)} noValidate data-testid="stage-form">
          <div className="field">
            <label htmlFor={`${id}-stage`}>{t('boardOffice.stageMove')}</label>
            <select id={`${id}-stage`} value={chosen} onChange={(e) => setNext(e.target.value as IdeaStage)}>
              {idea.nextStages.map((s) => (
                <option key={s} value={s}>
                  {t(`board.stage.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('boardOffice.stageNote')}</label>
            <input id={`${id}-note`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </div>
          <p>
            <button type="submit" className="button" disabled={state.loading}>
              {t('boardOffice.stageSave')}
            </button>
          </p>
        </form>
      )}
      {error && <ApiErrorMessage error={error} />}
    </div>
  );
}

function OfficeSections({ idea: panelIdea }: { idea: OfficePanelIdea }) {
  const { t, i18n } = useTranslation();
  const ideaId = panelIdea.id;
  const { data, error, refetch } = useQuery(IdeaOfficeQuery, { variables: { id: ideaId }, fetchPolicy: 'cache-and-network' });
  const idea = data?.projectIdea;
  return (
    <>
      {error && !idea && <ApiErrorMessage error={error} />}
      <h3>{t('boardOffice.proposalsTitle')}</h3>
      {idea && idea.proposals.length === 0 && <p>{t('boardOffice.proposalsNone')}</p>}
      {idea && idea.proposals.length > 0 && (
        <ul className="office-list" data-testid="proposals">
          {idea.proposals.map((p) => (
            <li key={p.id} data-ags={p.municipality.ags} data-status={p.status}>
              <strong>{p.municipality.shortName}</strong> <span className="badge">{t(`boardOffice.proposalStatus.${p.status}`)}</span>{' '}
              <span className="muted small">{formatDateTime(p.createdAt, i18n.language)}</span>
              <p className="quote">{p.message}</p>
            </li>
          ))}
        </ul>
      )}
      {/* Proposals only while the idea seeks partners: the API takes none for a complete or withdrawn idea. */}
      {panelIdea.status === 'OPEN' ? (
        <ProposeForm ideaId={ideaId} officeOnly={panelIdea.visibility === 'OFFICE_ONLY'} onSent={() => void refetch()} />
      ) : (
        <p className="muted" data-testid="propose-closed">
          {t('boardOffice.proposeClosed')}
        </p>
      )}
      <h3>{t('boardOffice.notesTitle')}</h3>
      <p className="muted small">{t('boardOffice.notesIntro')}</p>
      {idea && idea.notes.length === 0 && <p>{t('boardOffice.notesNone')}</p>}
      {idea && idea.notes.length > 0 && (
        <ul className="office-list" data-testid="notes">
          {idea.notes.map((n) => (
            <li key={n.id}>
              <p className="idea-description">{n.text}</p>
              <p className="muted small">{t('boardOffice.noteBy', { name: n.authorName ?? '–', date: formatDateTime(n.createdAt, i18n.language) })}</p>
            </li>
          ))}
        </ul>
      )}
      <NoteForm ideaId={ideaId} onSaved={() => void refetch()} />
    </>
  );
}

function ProposeForm({ ideaId, officeOnly, onSent }: { ideaId: string; officeOnly: boolean; onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<{ ags: string; name: string } | null>(null);
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ErrorLike | undefined>();
  const [propose, state] = useMutation(ProposeMatchMutation);
  // Remounted after each proposal, so the search starts empty again.
  const [round, setRound] = useState(0);
  const messageProblem = fieldError(error, 'message', i18n.language);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSent(null);
    if (!chosen) {
      setMissing(true);
      return;
    }
    try {
      await propose({ variables: { input: { ideaId, municipalityAgs: chosen.ags, message } } });
      setSent(chosen.name);
      setChosen(null);
      setMessage('');
      setRound((r) => r + 1);
      onSent();
    } catch (e) {
      setError(e as ErrorLike);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="propose-form" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('boardOffice.proposeTitle')}</h4>
      <p className="field-help">{t('boardOffice.proposeIntro')}</p>
      <MunicipalitySearch
        key={round}
        label={t('boardOffice.proposeSearch')}
        onSelect={(ags, name) => {
          setChosen({ ags, name });
          setMissing(false);
        }}
      />
      <p className={missing ? 'field-problem' : 'muted small'} role={missing ? 'alert' : undefined} data-testid="propose-chosen">
        {chosen ? t('boardOffice.proposeChosen', { name: chosen.name }) : missing ? t('boardOffice.proposeNoneChosen') : ''}
      </p>
      <div className="field">
        <label htmlFor={`${id}-message`}>{t('boardOffice.proposeMessage')}</label>
        <textarea
          id={`${id}-message`}
          rows={3}
          maxLength={2000}
          value={message}
          aria-invalid={messageProblem ? true : undefined}
          aria-describedby={[`${id}-message-hint`, officeOnly ? `${id}-message-anon` : '', messageProblem ? `${id}-message-problem` : '']
            .filter(Boolean)
            .join(' ')}
          onChange={(e) => setMessage(e.target.value)}
        />
        <p id={`${id}-message-hint`} className="field-help">
          {t('boardOffice.proposeMessageHint')}
        </p>
        {/* Both sides read the message; for an office-only idea the proposed side must not learn the owner from it. */}
        {officeOnly && (
          <p id={`${id}-message-anon`} className="notice" data-testid="propose-anonymous">
            {t('boardOffice.proposeAnonymous')}
          </p>
        )}
        {messageProblem && (
          <p id={`${id}-message-problem`} className="field-problem">
            {messageProblem}
          </p>
        )}
      </div>
      {error && !messageProblem && <ApiErrorMessage error={error} />}
      {sent && (
        <p className="success" role="status">
          {t('boardOffice.proposeSent', { name: sent })}
        </p>
      )}
      <p>
        <button type="submit" className="button" disabled={state.loading}>
          {t('boardOffice.proposeSend')}
        </button>
      </p>
    </form>
  );
}

function NoteForm({ ideaId, onSaved }: { ideaId: string; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<ErrorLike | undefined>();
  const [add, state] = useMutation(AddNoteMutation);
  const problem = fieldError(error, 'text', i18n.language);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await add({ variables: { input: { ideaId, text } } });
      setText('');
      onSaved();
    } catch (e) {
      setError(e as ErrorLike);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="note-form">
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('boardOffice.noteText')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={5000}
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-note-problem` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {problem && (
          <p id={`${id}-note-problem`} className="field-problem">
            {problem}
          </p>
        )}
      </div>
      {error && !problem && <ApiErrorMessage error={error} />}
      <p>
        <button type="submit" className="button-secondary" disabled={state.loading}>
          {t('boardOffice.noteAdd')}
        </button>
      </p>
    </form>
  );
}

const CURRENT_YEAR = new Date().getFullYear();

/**
 * „Als Kooperation ins Register übernehmen“ (issue 12, part 6): from „Vereinbarung“ on the office makes a register
 * contribution of the idea — members defaulted to the owner and the accepted interests — which is then reviewed like
 * any other; below, the records the idea already became.
 */
function RegisterSection({ ideaId }: { ideaId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { data, error: loadError, refetch } = useQuery(IdeaRegisterQuery, { variables: { id: ideaId }, fetchPolicy: 'cache-and-network' });
  const idea = data?.projectIdea;
  const accepted = (idea?.interests ?? []).filter((i) => i.status === 'ACCEPTED').map((i) => i.municipality);
  // Unticked partners; everyone else of the owner and the accepted interests is a member.
  const [left, setLeft] = useState<Set<string>>(new Set());
  const [legalForm, setLegalForm] = useState<LegalForm | ''>('');
  const [startYear, setStartYear] = useState('');
  const [source, setSource] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [description, setDescription] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<ErrorLike | undefined>();
  const [done, setDone] = useState(false);
  const [create, state] = useMutation(CreateContributionFromIdeaMutation);
  if (!idea) return loadError ? <ApiErrorMessage error={loadError} /> : null;
  // The register is public: a record of an idea that is not public needs a name chosen for the public.
  const nameRequired = idea.visibility !== 'PUBLIC';
  const problem = (field: string) => fieldError(error, field, i18n.language) ?? (missing.includes(field) ? t('board.fieldRequired') : null);
  const members = [...(idea.municipality ? [idea.municipality.ags] : []), ...accepted.map((m) => m.ags).filter((a) => !left.has(a))];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    const lacking = [...(!legalForm ? ['legalForm'] : []), ...(!source.trim() ? ['source'] : []), ...(nameRequired && !name.trim() ? ['name'] : [])];
    setMissing(lacking);
    if (lacking.length > 0) {
      document.getElementById(`${id}-${lacking[0]}`)?.focus();
      return;
    }
    const year = startYear.trim() ? Number(startYear) : null;
    try {
      await create({
        variables: {
          input: {
            ideaId,
            legalForm: legalForm as LegalForm,
            memberAgs: members,
            source: source.trim(),
            startYear: year !== null && Number.isInteger(year) ? year : null,
            name: name.trim() || null,
            note: note.trim() || null,
            description: description.trim() || null,
          },
        },
      });
      // Emptied, so a second click does not make a second record by mistake; the list below names the one made.
      setDone(true);
      setName('');
      setSource('');
      setStartYear('');
      setDescription('');
      setNote('');
      setLegalForm('');
      await refetch();
    } catch (e) {
      setError(e as ErrorLike);
    }
  };
  const described = (field: string, hint?: boolean) =>
    [hint ? `${id}-${field}-hint` : '', problem(field) ? `${id}-${field}-problem` : ''].filter(Boolean).join(' ') || undefined;
  const problemText = (field: string) =>
    problem(field) && (
      <p id={`${id}-${field}-problem`} className="field-problem" data-testid="field-problem">
        {problem(field)}
      </p>
    );
  const records = idea.registerRecords ?? [];
  return (
    <div data-testid="register-section">
      <h3 id={`${id}-title`}>{t('boardOffice.registerTitle')}</h3>
      {records.length > 0 && (
        <ul className="office-list" data-testid="register-records" aria-label={t('boardOffice.registerRecords')}>
          {records.map((r) => (
            <li key={r.contributionId} data-status={r.status}>
              <strong>{t(`boardOffice.registerStatus.${r.status}`, { defaultValue: r.status })}</strong>{' '}
              <span className="muted small">{formatDateTime(r.createdAt, i18n.language)}</span> ·{' '}
              {r.cooperationId ? (
                <Link to={`/kooperationen/${r.cooperationId}`}>{t('boardOffice.registerToRecord')}</Link>
              ) : (
                <Link to="/geschaeftsstelle">{t('boardOffice.registerToReview')}</Link>
              )}
              <span className="muted small"> · {t('boardOffice.registerMembers', { count: r.memberAgs.length })}</span>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="register-form" aria-labelledby={`${id}-title`}>
        <p className="field-help">{t('boardOffice.registerIntro')}</p>
        <fieldset>
          <legend>{t('boardOffice.registerMembersLegend')}</legend>
          {idea.municipality && (
            <div className="checkbox-option">
              <input type="checkbox" id={`${id}-m-owner`} checked disabled />{' '}
              <label htmlFor={`${id}-m-owner`}>{t('boardOffice.registerOwner', { name: idea.municipality.shortName })}</label>
            </div>
          )}
          {accepted.map((m) => (
            <div key={m.ags} className="checkbox-option">
              <input
                type="checkbox"
                id={`${id}-m-${m.ags}`}
                checked={!left.has(m.ags)}
                onChange={(e) =>
                  setLeft((prev) => {
                    const next = new Set(prev);
                    if (e.target.checked) next.delete(m.ags);
                    else next.add(m.ags);
                    return next;
                  })
                }
              />{' '}
              <label htmlFor={`${id}-m-${m.ags}`}>{m.shortName}</label>
            </div>
          ))}
          {accepted.length === 0 && <p className="muted small">{t('boardOffice.registerNoAccepted')}</p>}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-name`}>{nameRequired ? t('boardOffice.registerName') : t('boardOffice.registerNameOptional')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={200}
            aria-invalid={problem('name') ? true : undefined}
            aria-describedby={described('name', true)}
            placeholder={nameRequired ? undefined : idea.title}
            onChange={(e) => setName(e.target.value)}
          />
          <p id={`${id}-name-hint`} className="field-help">
            {nameRequired ? t('boardOffice.registerNameHintHidden') : t('boardOffice.registerNameHint')}
          </p>
          {problemText('name')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-legalForm`}>{t('boardOffice.registerLegalForm')}</label>
          <select
            id={`${id}-legalForm`}
            value={legalForm}
            aria-invalid={problem('legalForm') ? true : undefined}
            aria-describedby={described('legalForm')}
            onChange={(e) => setLegalForm(e.target.value as LegalForm)}
          >
            <option value="">{t('boardOffice.registerChooseLegalForm')}</option>
            {LEGAL_FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`legalForm.${f}`)}
              </option>
            ))}
          </select>
          {problemText('legalForm')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-startYear`}>{t('boardOffice.registerStartYear')}</label>
          <input
            id={`${id}-startYear`}
            inputMode="numeric"
            value={startYear}
            maxLength={4}
            placeholder={String(CURRENT_YEAR)}
            aria-invalid={problem('startYear') ? true : undefined}
            aria-describedby={described('startYear')}
            onChange={(e) => setStartYear(e.target.value)}
          />
          {problemText('startYear')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-source`}>{t('boardOffice.registerSource')}</label>
          <input
            id={`${id}-source`}
            value={source}
            maxLength={500}
            aria-invalid={problem('source') ? true : undefined}
            aria-describedby={described('source', true)}
            onChange={(e) => setSource(e.target.value)}
          />
          <p id={`${id}-source-hint`} className="field-help">
            {t('boardOffice.registerSourceHint')}
          </p>
          {problemText('source')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>{t('boardOffice.registerDescription')}</label>
          <textarea
            id={`${id}-description`}
            rows={4}
            maxLength={5000}
            value={description}
            aria-invalid={problem('description') ? true : undefined}
            aria-describedby={described('description', true)}
            onChange={(e) => setDescription(e.target.value)}
          />
          <p id={`${id}-description-hint`} className="field-help">
            {nameRequired ? t('boardOffice.registerDescriptionHintHidden') : t('boardOffice.registerDescriptionHint')}
          </p>
          {problemText('description')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('boardOffice.registerNote')}</label>
          <textarea id={`${id}-note`} rows={3} maxLength={2000} value={note} aria-describedby={`${id}-note-hint`} onChange={(e) => setNote(e.target.value)} />
          <p id={`${id}-note-hint`} className="field-help">
            {t('boardOffice.registerNoteHint')}
          </p>
        </div>
        {error && !['name', 'legalForm', 'startYear', 'source', 'description'].some((f) => fieldError(error, f, i18n.language)) && (
          <ApiErrorMessage error={error} />
        )}
        {done && (
          <p className="success" role="status" data-testid="register-done">
            {t('boardOffice.registerDone')}
          </p>
        )}
        <p>
          <button type="submit" className="button" disabled={state.loading}>
            {t('boardOffice.registerSubmit')}
          </button>
        </p>
      </form>
    </div>
  );
}
