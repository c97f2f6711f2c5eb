import type { ErrorLike } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { BoardIdeaForEditQuery, IdeaVisibility } from '../../../gql/graphql';
import { MunicipalityName } from '../../../shared/account/MunicipalityName';
import { RequireRole } from '../../../shared/account/RequireRole';
import { isOffice, type Me } from '../../../shared/account/session';
import { ApiErrorMessage, errorCode, errorExtensions } from '../../../shared/errors';
import { withLanguage } from '../../../shared/i18n';
import { Link } from '../../../shared/i18n/links';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import { taskAreaName } from '../../../shared/taskArea/TaskAreaName';
import { BoardOptionsQuery, CreateIdeaMutation, IdeaForEditQuery, UpdateIdeaMutation } from '../api/board';
import '../board.css';
import { fieldError, isFieldError } from './fieldErrors';
import { VISIBILITIES } from './IdeaBits';

type Stored = BoardIdeaForEditQuery['projectIdea'];

/** What the form holds: text as typed (numbers too), so nothing the user entered is lost on a refusal. */
interface IdeaDraft {
  municipalityAgs: string;
  municipalityName: string;
  title: string;
  taskAreaId: string;
  description: string;
  partnersSought: string;
  targetPopulation: string;
  radiusKm: string;
  timeline: string;
  fundingPlanned: boolean;
  visibility: IdeaVisibility;
}

const FIELDS = ['municipalityAgs', 'title', 'taskAreaId', 'description', 'partnersSought', 'targetPopulation', 'radiusKm', 'timeline', 'visibility'] as const;
type Field = (typeof FIELDS)[number];

function draftOf(idea: Stored): IdeaDraft {
  return {
    municipalityAgs: idea.municipality?.ags ?? '',
    municipalityName: idea.municipality?.shortName ?? '',
    title: idea.title,
    taskAreaId: idea.taskArea.id,
    description: idea.description,
    partnersSought: String(idea.partnersSought),
    targetPopulation: idea.targetPopulation !== null && idea.targetPopulation !== undefined ? String(idea.targetPopulation) : '',
    radiusKm: idea.radiusKm !== null && idea.radiusKm !== undefined ? String(idea.radiusKm) : '',
    timeline: idea.timeline ?? '',
    fundingPlanned: idea.fundingPlanned,
    visibility: idea.visibility,
  };
}

/** A whole number from a field, null when empty, NaN when it is not one (checked here: the API's Int would refuse it unreadably). */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Problems the browser can see itself before asking the API: an empty count or a number that is not whole. */
function localProblems(draft: IdeaDraft, t: (key: string) => string): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  const partners = wholeNumber(draft.partnersSought);
  if (partners === null) problems.partnersSought = t('board.fieldRequired');
  else if (Number.isNaN(partners)) problems.partnersSought = t('board.notANumber');
  if (Number.isNaN(wholeNumber(draft.targetPopulation))) problems.targetPopulation = t('board.notANumber');
  if (Number.isNaN(wholeNumber(draft.radiusKm))) problems.radiusKm = t('board.notANumber');
  return problems;
}

function IdeaForm({
  me,
  draft,
  onChange,
  fixedMunicipality,
  submitLabel,
  busy,
  error,
  messages,
  onSubmit,
}: {
  me: Me;
  draft: IdeaDraft;
  onChange: (draft: IdeaDraft) => void;
  /** Editing: the municipality is the idea's and cannot change. */
  fixedMunicipality: boolean;
  submitLabel: string;
  busy: boolean;
  error: ErrorLike | undefined;
  messages?: ReactNode;
  onSubmit: (local: Partial<Record<Field, string>>) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const options = useQuery(BoardOptionsQuery);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof IdeaDraft>(key: K, value: IdeaDraft[K]) => onChange({ ...draft, [key]: value });
  const problem = (field: Field) => local[field] ?? fieldError(error, field, i18n.language);
  // The first field with a problem gets the focus, so the keyboard and a screen reader land where to fix it.
  useEffect(() => {
    const first = FIELDS.find((f) => local[f] ?? fieldError(error, f, i18n.language));
    if (first) formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }, [error, local, i18n.language]);
  const describedBy = (field: Field, hint: boolean) =>
    [hint ? `${id}-${field}-hint` : null, problem(field) ? `${id}-${field}-problem` : null].filter(Boolean).join(' ') || undefined;
  const problemLine = (field: Field) =>
    problem(field) ? (
      <p id={`${id}-${field}-problem`} className="field-problem" data-testid="field-problem">
        {problem(field)}
      </p>
    ) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = localProblems(draft, t);
    setLocal(found);
    onSubmit(found);
  };
  const office = isOffice(me);
  return (
    <form ref={formRef} className="card form idea-form" onSubmit={submit} noValidate>
      {messages}
      {fixedMunicipality ? (
        <p>
          <strong>{t('board.forMunicipality')}:</strong> {draft.municipalityName || <MunicipalityName ags={draft.municipalityAgs} />}
        </p>
      ) : office ? (
        <div className="field" data-field-wrap="municipalityAgs">
          <MunicipalitySearch
            label={t('board.searchMunicipality')}
            initialValue={draft.municipalityName}
            onSelect={(ags, name) => onChange({ ...draft, municipalityAgs: ags, municipalityName: name })}
          />
          {draft.municipalityAgs && <p className="field-help">{t('board.chosenMunicipality', { name: draft.municipalityName })}</p>}
          {problemLine('municipalityAgs')}
        </div>
      ) : me.municipalityAgs.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-ags`}>{t('board.forMunicipality')}</label>
          <select
            id={`${id}-ags`}
            data-field="municipalityAgs"
            value={draft.municipalityAgs}
            aria-describedby={describedBy('municipalityAgs', false)}
            onChange={(e) => set('municipalityAgs', e.target.value)}
          >
            <option value="">{t('board.chooseMunicipality')}</option>
            {me.municipalityAgs.map((ags) => (
              <option key={ags} value={ags}>
                {/* Text only inside an option: the name's component renders a plain string. */}
                <MunicipalityName ags={ags} />
              </option>
            ))}
          </select>
          {problemLine('municipalityAgs')}
        </div>
      ) : (
        <p>
          <strong>{t('board.forMunicipality')}:</strong> <MunicipalityName ags={draft.municipalityAgs} />
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('board.titleLabel')}</label>
        <input
          id={`${id}-title`}
          data-field="title"
          required
          maxLength={150}
          value={draft.title}
          aria-invalid={problem('title') ? true : undefined}
          aria-describedby={describedBy('title', true)}
          onChange={(e) => set('title', e.target.value)}
        />
        <p id={`${id}-title-hint`} className="field-help">
          {t('board.titleHint')}
        </p>
        {problemLine('title')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-task`}>{t('board.taskArea')}</label>
        <select
          id={`${id}-task`}
          data-field="taskAreaId"
          required
          value={draft.taskAreaId}
          aria-invalid={problem('taskAreaId') ? true : undefined}
          aria-describedby={describedBy('taskAreaId', false)}
          onChange={(e) => set('taskAreaId', e.target.value)}
        >
          <option value="">{t('board.chooseTaskArea')}</option>
          {options.data?.taskAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {taskAreaName(a, i18n.language)}
            </option>
          ))}
        </select>
        {problemLine('taskAreaId')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('board.descriptionLabel')}</label>
        <textarea
          id={`${id}-description`}
          data-field="description"
          required
          rows={6}
          maxLength={5000}
          value={draft.description}
          aria-invalid={problem('description') ? true : undefined}
          aria-describedby={describedBy('description', true)}
          onChange={(e) => set('description', e.target.value)}
        />
        <p id={`${id}-description-hint`} className="field-help">
          {t('board.descriptionHint')}
        </p>
        {problemLine('description')}
      </div>
      <div className="form-row">
        {(
          [
            ['partnersSought', 'board.partnersLabel', null],
            ['targetPopulation', 'board.targetLabel', 'board.targetHint'],
            ['radiusKm', 'board.radiusLabel', 'board.radiusHint'],
          ] as const
        ).map(([field, label, hint]) => (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{t(label)}</label>
            <input
              id={`${id}-${field}`}
              data-field={field}
              inputMode="numeric"
              required={field === 'partnersSought'}
              value={draft[field]}
              aria-invalid={problem(field) ? true : undefined}
              aria-describedby={describedBy(field, hint !== null)}
              onChange={(e) => set(field, e.target.value)}
            />
            {hint && (
              <p id={`${id}-${field}-hint`} className="field-help">
                {t(hint)}
              </p>
            )}
            {problemLine(field)}
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-timeline`}>{t('board.timelineLabel')}</label>
        <input
          id={`${id}-timeline`}
          data-field="timeline"
          maxLength={200}
          value={draft.timeline}
          aria-invalid={problem('timeline') ? true : undefined}
          aria-describedby={describedBy('timeline', true)}
          onChange={(e) => set('timeline', e.target.value)}
        />
        <p id={`${id}-timeline-hint`} className="field-help">
          {t('board.timelineHint')}
        </p>
        {problemLine('timeline')}
      </div>
      <div className="field">
        <label className="checkbox-option">
          <input type="checkbox" checked={draft.fundingPlanned} onChange={(e) => set('fundingPlanned', e.target.checked)} /> {t('board.fundingLabel')}
        </label>
      </div>
      <fieldset className="field">
        <legend>{t('board.visibilityLegend')}</legend>
        {VISIBILITIES.map((v, index) => (
          <div key={v} className="radio-option">
            <input
              type="radio"
              id={`${id}-vis-${v}`}
              name={`${id}-visibility`}
              value={v}
              data-field={index === 0 ? 'visibility' : undefined}
              checked={draft.visibility === v}
              aria-describedby={`${id}-vis-${v}-help`}
              onChange={() => set('visibility', v)}
            />
            <label htmlFor={`${id}-vis-${v}`}>{t(`board.visibility.${v}`)}</label>
            <p id={`${id}-vis-${v}-help`} className="field-help">
              {t(`board.visibilityHelp.${v}`)}
            </p>
          </div>
        ))}
        {problemLine('visibility')}
      </fieldset>
      <p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('board.submitting') : submitLabel}
        </button>
      </p>
    </form>
  );
}

/** The error above the form, unless it belongs to a field (then it is shown there); focused when it appears. */
function FormError({ error, children }: { error: ErrorLike | undefined; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = error && !isFieldError(error, FIELDS);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, error]);
  if (!shown) return null;
  return (
    <div ref={ref} tabIndex={-1}>
      {children ?? <ApiErrorMessage error={error} kept />}
    </div>
  );
}

/** The numbers of the draft for the API (only called once localProblems found none). */
function numbers(draft: IdeaDraft) {
  return {
    partnersSought: wholeNumber(draft.partnersSought)!,
    targetPopulation: wholeNumber(draft.targetPopulation),
    radiusKm: wholeNumber(draft.radiusKm),
  };
}

function NewIdea({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [draft, setDraft] = useState<IdeaDraft>(() => ({
    municipalityAgs: !isOffice(me) && me.municipalityAgs.length === 1 ? me.municipalityAgs[0]! : '',
    municipalityName: '',
    title: '',
    taskAreaId: '',
    description: '',
    partnersSought: '1',
    targetPopulation: '',
    radiusKm: '',
    timeline: '',
    fundingPlanned: false,
    visibility: 'PUBLIC',
  }));
  const [create, state] = useMutation(CreateIdeaMutation);
  const [error, setError] = useState<ErrorLike | undefined>();
  if (!isOffice(me) && me.municipalityAgs.length === 0) return <p className="notice">{t('board.noMunicipality')}</p>;
  const send = async (local: Partial<Record<Field, string>>) => {
    setError(undefined);
    if (Object.keys(local).length > 0) return;
    const n = numbers(draft);
    try {
      const result = await create({
        variables: {
          input: {
            municipalityAgs: draft.municipalityAgs,
            title: draft.title,
            taskAreaId: draft.taskAreaId,
            description: draft.description,
            partnersSought: n.partnersSought,
            targetPopulation: n.targetPopulation,
            radiusKm: n.radiusKm,
            timeline: draft.timeline.trim() || null,
            fundingPlanned: draft.fundingPlanned,
            visibility: draft.visibility,
          },
        },
      });
      // The board's lists were fetched before the idea existed.
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'projectIdeas' });
      await navigate(withLanguage(`/boerse/${result.data!.createProjectIdea.idea.id}`, i18n.language));
    } catch (e) {
      setError(e as ErrorLike);
    }
  };
  return (
    <>
      <p>{t('board.formIntro')}</p>
      <IdeaForm
        me={me}
        draft={draft}
        onChange={setDraft}
        fixedMunicipality={false}
        submitLabel={t('board.submitNew')}
        busy={state.loading}
        error={error}
        messages={<FormError error={error} />}
        onSubmit={(local) => void send(local)}
      />
    </>
  );
}

export function IdeaNewPage() {
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/boerse">{t('board.back')}</Link>
      </p>
      <h1>{t('board.newTitle')}</h1>
      <RequireRole role="ANY">{(me) => <NewIdea me={me} />}</RequireRole>
    </>
  );
}

/** A stale version: what happened, the idea as it is now, and the two ways on (start again from it, or save over it). */
function IdeaConflict({ error, base, onReload, onOverride }: { error: ErrorLike; base: number; onReload: () => void; onOverride: (version: number) => void }) {
  const { t } = useTranslation();
  const current = errorExtensions(error).current as { id?: string; version?: number } | undefined;
  const version = current?.version ?? base;
  const { data } = useQuery(IdeaForEditQuery, { variables: { id: current?.id ?? '' }, skip: !current?.id, fetchPolicy: 'network-only' });
  const idea = data?.projectIdea;
  return (
    <div role="alert" className="alert conflict" data-testid="conflict">
      <h2>{t('conflict.title')}</h2>
      <p>{t('conflict.text', { version, base })}</p>
      <h3>{t('conflict.current', { version })}</h3>
      {idea && (
        <dl className="facts">
          <dt>{t('board.titleLabel')}</dt>
          <dd>{idea.title}</dd>
          <dt>{t('board.statusLabel')}</dt>
          <dd>{t(`board.status.${idea.status}`)}</dd>
          <dt>{t('board.descriptionLabel')}</dt>
          <dd>{idea.description}</dd>
          <dt>{t('board.partnersSought')}</dt>
          <dd>{idea.partnersSought}</dd>
          <dt>{t('board.visibilityLabel')}</dt>
          <dd>{t(`board.visibility.${idea.visibility}`)}</dd>
          {idea.timeline && (
            <>
              <dt>{t('board.timeline')}</dt>
              <dd>{idea.timeline}</dd>
            </>
          )}
          {idea.radiusKm !== null && idea.radiusKm !== undefined && (
            <>
              <dt>{t('board.radius')}</dt>
              <dd>{idea.radiusKm} km</dd>
            </>
          )}
        </dl>
      )}
      <p className="row-actions">
        <button type="button" className="button-secondary" onClick={onReload}>
          {t('conflict.reload')}
        </button>
        {idea?.status === 'OPEN' && (
          <button type="button" className="button-secondary" onClick={() => onOverride(version)}>
            {t('board.conflictOverwrite', { version })}
          </button>
        )}
      </p>
    </div>
  );
}

function EditIdea({ me, idea, refetch }: { me: Me; idea: Stored; refetch: () => Promise<Stored | null> }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<{ base: number; draft: IdeaDraft; original: IdeaDraft }>(() => ({
    base: idea.version,
    draft: draftOf(idea),
    original: draftOf(idea),
  }));
  const [update, updateState] = useMutation(UpdateIdeaMutation);
  const [error, setError] = useState<ErrorLike | undefined>();
  if (!idea.viewerCanEdit || idea.status !== 'OPEN') return <p className="notice">{t('board.notEditable')}</p>;
  const send = async (base: number, local: Partial<Record<Field, string>>) => {
    setError(undefined);
    if (Object.keys(local).length > 0) return;
    const { draft, original } = state;
    const n = numbers(draft);
    try {
      await update({
        variables: {
          input: {
            ideaId: idea.id,
            expectedVersion: base,
            title: draft.title,
            taskAreaId: draft.taskAreaId,
            description: draft.description,
            partnersSought: n.partnersSought,
            ...(n.targetPopulation !== null ? { targetPopulation: n.targetPopulation } : original.targetPopulation ? { clearTargetPopulation: true } : {}),
            ...(n.radiusKm !== null ? { radiusKm: n.radiusKm } : original.radiusKm ? { clearRadiusKm: true } : {}),
            timeline: draft.timeline.trim(),
            fundingPlanned: draft.fundingPlanned,
            visibility: draft.visibility,
          },
        },
      });
      await navigate(withLanguage(`/boerse/${idea.id}`, i18n.language));
    } catch (e) {
      setError(e as ErrorLike);
    }
  };
  const conflict = errorCode(error) === 'CONFLICT' && errorExtensions(error).current ? error : undefined;
  return (
    <IdeaForm
      me={me}
      draft={state.draft}
      onChange={(draft) => setState({ ...state, draft })}
      fixedMunicipality
      submitLabel={t('board.submitEdit')}
      busy={updateState.loading}
      error={error}
      messages={
        <FormError error={error}>
          {conflict ? (
            <IdeaConflict
              error={conflict}
              base={state.base}
              onReload={async () => {
                const fresh = await refetch();
                if (fresh) setState({ base: fresh.version, draft: draftOf(fresh), original: draftOf(fresh) });
                setError(undefined);
              }}
              onOverride={(version) => {
                setState({ ...state, base: version });
                void send(version, localProblems(state.draft, t));
              }}
            />
          ) : undefined}
        </FormError>
      }
      onSubmit={(local) => void send(state.base, local)}
    />
  );
}

export function IdeaEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(IdeaForEditQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const title = data?.projectIdea.title ?? '';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/boerse">{t('board.back')}</Link>
        {data && (
          <>
            {' '}
            › <Link to={`/boerse/${id}`}>{title}</Link>
          </>
        )}
      </p>
      <h1>{t('board.editTitle', { title })}</h1>
      <RequireRole role="ANY">
        {(me) =>
          error ? (
            <ApiErrorMessage error={error} />
          ) : !data ? (
            <p role="status">{t('common.loading')}</p>
          ) : (
            <EditIdea key={data.projectIdea.id} me={me} idea={data.projectIdea} refetch={async () => (await refetch()).data?.projectIdea ?? null} />
          )
        }
      </RequireRole>
    </>
  );
}
