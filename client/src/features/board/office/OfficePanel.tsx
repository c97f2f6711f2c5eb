import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardIdeaStageQuery, IdeaStage } from '../../../gql/graphql';
import { formatDate, formatDateTime } from '../../../shared/account/dates';
import { isOffice, type Me } from '../../../shared/account/session';
import { ApiErrorMessage } from '../../../shared/errors';
import { Link } from '../../../shared/i18n/links';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import { fieldError } from '../components/fieldErrors';
import './office.css';
import { AddNoteMutation, IdeaOfficeQuery, IdeaStageQuery, ProposeMatchMutation, SetStageMutation } from './api';

/**
 * The office's panel on the idea page (issue 12, part 4): the stage with its history and a control to move it (also
 * for the owner municipality's staff, whom the API lets move it), and for the office the proposals — a municipality
 * found with the app's search, with a message to both sides — and the office's own notes.
 */
export function OfficePanel({ idea, me }: { idea: { id: string }; me: Me | null }) {
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
      {office && <OfficeSections ideaId={idea.id} />}
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

function OfficeSections({ ideaId }: { ideaId: string }) {
  const { t, i18n } = useTranslation();
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
      <ProposeForm ideaId={ideaId} onSent={() => void refetch()} />
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

function ProposeForm({ ideaId, onSent }: { ideaId: string; onSent: () => void }) {
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
          aria-describedby={messageProblem ? `${id}-message-problem` : undefined}
          onChange={(e) => setMessage(e.target.value)}
        />
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
