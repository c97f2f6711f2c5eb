import type { ErrorLike } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { CooperationRecordQuery } from '../../../gql/graphql';
import { MunicipalityName } from '../../../shared/account/MunicipalityName';
import { RequireRole } from '../../../shared/account/RequireRole';
import { isOffice, mayReportFor, useSession, type Me } from '../../../shared/account/session';
import { forgetRegister } from '../../../shared/account/cache';
import { ApiErrorMessage } from '../../../shared/errors';
import { Link } from '../../../shared/i18n/links';
import {
  CooperationRecordQuery as RecordQuery,
  CreateCooperationMutation,
  ReportContextQuery,
  ReportMunicipalityQuery,
  SubmitContributionMutation,
  UpdateCooperationMutation,
} from '../api/contributions';
import { ConflictNotice, conflictCurrent } from './ConflictNotice';
import { CooperationForm } from './CooperationForm';
import { draftFromRecord, dropDraft, EMPTY_DRAFT, loadDraft, recordInput, saveDraft, type RecordDraft } from './recordDraft';

/** The error above a form: focused when it appears, so a screen reader and the keyboard land on it. */
function FormError({ error, children }: { error: ErrorLike | undefined; children?: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div ref={ref} tabIndex={-1}>
      {children ?? <ApiErrorMessage error={error} kept />}
    </div>
  );
}

function Sent({ cooperationId, office, version }: { cooperationId?: string | null; office: boolean; version?: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="card success-card" role="status" ref={ref} tabIndex={-1} data-testid="report-sent">
      <p>
        <strong>{office ? t('contrib.saved', { version }) : t('contrib.sent')}</strong>
      </p>
      <ul className="link-list">
        {!office && (
          <li>
            <Link to="/meldungen">{t('contrib.toMine')}</Link>
          </li>
        )}
        {cooperationId && (
          <li>
            <Link to={`/kooperationen/${cooperationId}`}>{t('contrib.toCooperation')}</Link>
          </li>
        )}
      </ul>
    </div>
  );
}

/** A form's state that survives a reload (sessionStorage), with a way to throw the draft away. */
function useDraft<T>(key: string | null, initial: () => T): [T, (value: T) => void, boolean, () => void] {
  const [restored] = useState(() => (key ? loadDraft<T>(key) !== null : false));
  const [value, setValue] = useState<T>(() => (key ? loadDraft<T>(key) : null) ?? initial());
  const update = (next: T) => {
    setValue(next);
    if (key) saveDraft(key, next);
  };
  const discard = () => {
    if (key) dropDraft(key);
    setValue(initial());
  };
  return [value, update, restored, discard];
}

function DraftRestored({ onDiscard }: { onDiscard: () => void }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(true);
  if (!shown) return null;
  return (
    <p className="notice">
      {t('contrib.draftRestored')}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          onDiscard();
          setShown(false);
        }}
      >
        {t('contrib.discardDraft')}
      </button>
    </p>
  );
}

// ——— Kooperation melden (new) ———

function NewReport({ me, ags, name }: { me: Me; ags: string; name: string }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const office = isOffice(me);
  const draftKey = `ka.draft.new.${me.id}.${ags}`;
  const [draft, setDraft, restored, discard] = useDraft<RecordDraft>(draftKey, () => ({
    ...EMPTY_DRAFT,
    members: ags ? [{ kind: 'MUNICIPALITY', key: ags, role: 'MEMBER', name }] : [],
  }));
  const { data: context } = useQuery(ReportContextQuery);
  const [submit, submitState] = useMutation(SubmitContributionMutation);
  const [create, createState] = useMutation(CreateCooperationMutation);
  const [done, setDone] = useState<{ cooperationId?: string | null; version?: number } | null>(null);
  const error = submitState.error ?? createState.error;

  const send = async () => {
    try {
      if (office) {
        const result = await create({ variables: { input: { record: recordInput(draft, { withConfidence: true }), summary: draft.note.trim() || null } } });
        setDone({ cooperationId: result.data!.createCooperation.cooperation.id, version: result.data!.createCooperation.version });
        forgetRegister(client);
      } else {
        await submit({ variables: { input: { kind: 'NEW', record: recordInput(draft, { withConfidence: false }), note: draft.note.trim() || null } } });
        setDone({});
      }
      dropDraft(draftKey);
    } catch {
      // Shown above the form; the draft is untouched.
    }
  };

  if (done) return <Sent office={office} cooperationId={done.cooperationId} version={done.version} />;
  return (
    <>
      <p>{office ? t('contrib.reportIntroOffice') : t('contrib.reportIntro', { name })}</p>
      <CooperationForm
        draft={draft}
        onChange={setDraft}
        taskAreas={context?.taskAreas ?? []}
        withConfidence={office}
        noteLabel={office ? t('contrib.summary') : t('contrib.note')}
        submitLabel={office ? t('contrib.submitEdit') : t('contrib.submit')}
        busy={submitState.loading || createState.loading}
        onSubmit={() => void send()}
        messages={
          <>
            {restored && <DraftRestored onDiscard={discard} />}
            <FormError error={error} />
          </>
        }
      />
    </>
  );
}

function ReportMunicipalityChooser({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('contrib.reportFor')}</h2>
      <ul className="link-list">
        {me.municipalityAgs.map((ags) => (
          <li key={ags}>
            <Link to={`/melden?ags=${ags}`}>
              <MunicipalityName ags={ags} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewReportFor({ me, ags }: { me: Me; ags: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(ReportMunicipalityQuery, { variables: { ags } });
  if (!mayReportFor(me, ags)) return <p className="notice">{t('contrib.notYours')}</p>;
  if (error) return <ApiErrorMessage error={error} />;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  return <NewReport me={me} ags={ags} name={data.municipality.shortName} />;
}

export function ReportNewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ags = params.get('ags');
  return (
    <>
      <h1>{t('contrib.report')}</h1>
      <RequireRole role="ANY">
        {(me) => {
          const target = ags ?? (me.municipalityAgs.length === 1 ? me.municipalityAgs[0]! : null);
          if (target) return <NewReportFor key={target} me={me} ags={target} />;
          if (isOffice(me)) return <NewReport me={me} ags="" name="" />;
          return <ReportMunicipalityChooser me={me} />;
        }}
      </RequireRole>
    </>
  );
}

// ——— Änderung melden / Bearbeiten (change) ———

type Current = CooperationRecordQuery['cooperation'];

function useRecord(id: string) {
  return useQuery(RecordQuery, { variables: { id }, fetchPolicy: 'network-only' });
}

function ChangeReport({ me, record, refetch }: { me: Me; record: Current; refetch: () => Promise<Current | null> }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const office = isOffice(me);
  const draftKey = `ka.draft.change.${me.id}.${record.id}`;
  const [state, setState, restored, discard] = useDraft<{ base: number; draft: RecordDraft }>(draftKey, () => ({
    base: record.version,
    draft: draftFromRecord(record),
  }));
  const { data: context } = useQuery(ReportContextQuery);
  const [submit, submitState] = useMutation(SubmitContributionMutation);
  const [update, updateState] = useMutation(UpdateCooperationMutation);
  const [done, setDone] = useState<{ version?: number } | null>(null);
  const [error, setError] = useState<ErrorLike | undefined>();

  const send = async (base: number) => {
    setError(undefined);
    try {
      if (office) {
        const result = await update({
          variables: {
            input: {
              cooperationId: record.id,
              expectedVersion: base,
              record: recordInput(state.draft, { withConfidence: true }),
              summary: state.draft.note.trim() || null,
            },
          },
        });
        setDone({ version: result.data!.updateCooperation.version });
        forgetRegister(client);
      } else {
        await submit({
          variables: {
            input: {
              kind: 'CHANGE',
              cooperationId: record.id,
              baseVersion: base,
              record: recordInput(state.draft, { withConfidence: false }),
              note: state.draft.note.trim() || null,
            },
          },
        });
        setDone({});
      }
      dropDraft(draftKey);
    } catch (e) {
      setError(e as ErrorLike);
    }
  };

  if (done) return <Sent office={office} cooperationId={record.id} version={done.version} />;
  const conflict = error && conflictCurrent(error) ? error : undefined;
  return (
    <>
      <p>{office ? t('contrib.editIntro') : t('contrib.changeIntro')}</p>
      <CooperationForm
        draft={state.draft}
        onChange={(draft) => setState({ ...state, draft })}
        taskAreas={context?.taskAreas ?? []}
        withConfidence={office}
        noteLabel={office ? t('contrib.summary') : t('contrib.note')}
        submitLabel={office ? t('contrib.submitEdit') : t('contrib.submit')}
        busy={submitState.loading || updateState.loading}
        onSubmit={() => void send(state.base)}
        messages={
          <>
            {restored && <DraftRestored onDiscard={discard} />}
            <FormError error={error}>
              {conflict ? (
                <ConflictNotice
                  error={conflict}
                  base={state.base}
                  onReload={async () => {
                    const fresh = await refetch();
                    if (fresh) setState({ base: fresh.version, draft: draftFromRecord(fresh) });
                    setError(undefined);
                  }}
                  onOverride={(version) => {
                    setState({ ...state, base: version });
                    void send(version);
                  }}
                />
              ) : undefined}
            </FormError>
          </>
        }
      />
    </>
  );
}

function CooperationTask({ children }: { children: (record: Current, refetch: () => Promise<Current | null>) => React.ReactNode }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, refetch } = useRecord(id);
  if (error) return <ApiErrorMessage error={error} />;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const again = async () => (await refetch()).data?.cooperation ?? null;
  return <>{children(data.cooperation, again)}</>;
}

function TaskTitle({ kind }: { kind: 'change' | 'end' }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data } = useRecord(id);
  const { me } = useSession();
  const name = data?.cooperation.name ?? id;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/kooperationen">{t('nav.cooperations')}</Link> › <Link to={`/kooperationen/${id}`}>{data?.cooperation.name ?? id}</Link>
      </p>
      <h1>{kind === 'end' ? t('contrib.endTitle', { name }) : isOffice(me) ? t('contrib.editTitle', { name }) : t('contrib.changeTitle', { name })}</h1>
    </>
  );
}

export function ReportChangePage() {
  return (
    <>
      <TaskTitle kind="change" />
      <RequireRole role="ANY">
        {(me) => <CooperationTask>{(record, refetch) => <ChangeReport key={record.id} me={me} record={record} refetch={refetch} />}</CooperationTask>}
      </RequireRole>
    </>
  );
}

// ——— Beenden (end) ———

interface EndDraft {
  base: number;
  endDate: string;
  sourceUrl: string;
  sourceReference: string;
  note: string;
}

function EndReport({ me, record, refetch }: { me: Me; record: Current; refetch: () => Promise<Current | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useApolloClient();
  const office = isOffice(me);
  const draftKey = `ka.draft.end.${me.id}.${record.id}`;
  const [draft, setDraft, restored, discard] = useDraft<EndDraft>(draftKey, () => ({
    base: record.version,
    endDate: '',
    sourceUrl: '',
    sourceReference: '',
    note: '',
  }));
  const [submit, submitState] = useMutation(SubmitContributionMutation);
  const [update, updateState] = useMutation(UpdateCooperationMutation);
  const [done, setDone] = useState<{ version?: number } | null>(null);
  const [error, setError] = useState<ErrorLike | undefined>();
  const set = <K extends keyof EndDraft>(key: K, value: EndDraft[K]) => setDraft({ ...draft, [key]: value });

  const send = async (base: number) => {
    setError(undefined);
    const source = { sourceUrl: draft.sourceUrl.trim() || null, sourceReference: draft.sourceReference.trim() || null };
    try {
      if (office) {
        // The office ends a record by editing it: the whole record as it is, with status, end date and the new source.
        const current = await refetch();
        const ended = { ...draftFromRecord(current ?? record), status: 'ENDED' as const, endDate: draft.endDate };
        const input = recordInput(ended, { withConfidence: true });
        const result = await update({
          variables: {
            input: {
              cooperationId: record.id,
              expectedVersion: base,
              record: { ...input, ...(source.sourceUrl || source.sourceReference ? source : {}) },
              summary: draft.note.trim() || null,
            },
          },
        });
        setDone({ version: result.data!.updateCooperation.version });
        forgetRegister(client);
      } else {
        await submit({
          variables: {
            input: { kind: 'END', cooperationId: record.id, baseVersion: base, end: { endDate: draft.endDate, ...source }, note: draft.note.trim() || null },
          },
        });
        setDone({});
      }
      dropDraft(draftKey);
    } catch (e) {
      setError(e as ErrorLike);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(draft.base);
  };

  if (done) return <Sent office={office} cooperationId={record.id} version={done.version} />;
  const conflict = error && conflictCurrent(error) ? error : undefined;
  return (
    <>
      <p>{t('contrib.endIntro')}</p>
      <form className="card form" onSubmit={onSubmit} noValidate>
        {restored && <DraftRestored onDiscard={discard} />}
        <FormError error={error}>
          {conflict ? (
            <ConflictNotice
              error={conflict}
              base={draft.base}
              onOverride={(version) => {
                setDraft({ ...draft, base: version });
                void send(version);
              }}
            />
          ) : undefined}
        </FormError>
        <div className="field">
          <label htmlFor={`${id}-end`}>{t('contrib.endDate')}</label>
          <input id={`${id}-end`} type="date" required value={draft.endDate} onChange={(e) => set('endDate', e.target.value)} />
        </div>
        <fieldset className="field">
          <legend>{t('contrib.source')}</legend>
          <p className="field-help">{t('contrib.sourceHint')}</p>
          <div className="form-row">
            <div className="field">
              <label htmlFor={`${id}-url`}>{t('contrib.sourceUrl')}</label>
              <input id={`${id}-url`} type="url" placeholder="https://" value={draft.sourceUrl} onChange={(e) => set('sourceUrl', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-ref`}>{t('contrib.sourceReference')}</label>
              <input
                id={`${id}-ref`}
                placeholder={t('contrib.sourceReferencePlaceholder')}
                value={draft.sourceReference}
                onChange={(e) => set('sourceReference', e.target.value)}
              />
            </div>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-note`}>{office ? t('contrib.summary') : t('contrib.note')}</label>
          <textarea id={`${id}-note`} rows={3} maxLength={2000} value={draft.note} onChange={(e) => set('note', e.target.value)} />
        </div>
        <p>
          <button type="submit" className="button" disabled={submitState.loading || updateState.loading}>
            {submitState.loading || updateState.loading ? t('contrib.submitting') : t('contrib.submitEnd')}
          </button>
        </p>
      </form>
    </>
  );
}

export function ReportEndPage() {
  return (
    <>
      <TaskTitle kind="end" />
      <RequireRole role="ANY">
        {(me) => <CooperationTask>{(record, refetch) => <EndReport key={record.id} me={me} record={record} refetch={refetch} />}</CooperationTask>}
      </RequireRole>
    </>
  );
}
