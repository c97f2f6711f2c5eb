import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidence, CooperationStatus, LegalForm, MemberRole } from '../../../gql/graphql';
import { LEGAL_FORMS, STATUSES } from '../../../shared/components/CooperationFilterFields';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import type { RecordDraft } from './recordDraft';

const ROLES: MemberRole[] = ['MEMBER', 'LEAD', 'DELEGATING', 'PARTNER'];
const CONFIDENCES: Confidence[] = ['HIGH', 'MEDIUM', 'LOW'];
const MAX_TASK_AREAS = 5;

interface Props {
  draft: RecordDraft;
  onChange: (draft: RecordDraft) => void;
  taskAreas: ReadonlyArray<{ id: string; nameDe: string; nameEn: string }>;
  /** The office may set the confidence; staff propose, the office decides. */
  withConfidence: boolean;
  noteLabel: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  /** Errors and notices above the fields (an alert gets the focus when it appears). */
  messages?: ReactNode;
}

/**
 * The whole record of a cooperation as a form: name, legal form, task areas, members (municipalities by the search,
 * partners without an entry by name), dates and the source. Every field has a visible label and works with the
 * keyboard alone; what was typed stays in `draft` whatever the server answers.
 */
export function CooperationForm({ draft, onChange, taskAreas, withConfidence, noteLabel, submitLabel, busy, onSubmit, messages }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [external, setExternal] = useState('');
  const [searchKey, setSearchKey] = useState(0);
  const searchRef = useRef<HTMLDivElement>(null);
  const set = <K extends keyof RecordDraft>(key: K, value: RecordDraft[K]) => onChange({ ...draft, [key]: value });

  useEffect(() => {
    if (searchKey > 0) searchRef.current?.querySelector('input')?.focus();
  }, [searchKey]);

  const addMember = (member: RecordDraft['members'][number]) => {
    if (draft.members.some((m) => m.kind === member.kind && m.key === member.key)) return;
    set('members', [...draft.members, member]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const taskName = (a: { nameDe: string; nameEn: string }) => (i18n.language === 'en' ? a.nameEn : a.nameDe);

  return (
    <form className="card form cooperation-form" onSubmit={submit} noValidate>
      {messages}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('contrib.name')}</label>
        <input id={`${id}-name`} required value={draft.name} onChange={(e) => set('name', e.target.value)} />
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-legal`}>{t('contrib.legalForm')}</label>
          <select id={`${id}-legal`} required value={draft.legalForm} onChange={(e) => set('legalForm', e.target.value as LegalForm)}>
            <option value="">{t('contrib.choose')}</option>
            {LEGAL_FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`legalForm.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('contrib.status')}</label>
          <select id={`${id}-status`} value={draft.status} onChange={(e) => set('status', e.target.value as CooperationStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>{t('contrib.startYear')}</label>
          <input
            id={`${id}-start`}
            inputMode="numeric"
            pattern="[0-9]{4}"
            maxLength={4}
            value={draft.startYear}
            onChange={(e) => set('startYear', e.target.value)}
          />
        </div>
        {draft.status === 'ENDED' && (
          <div className="field">
            <label htmlFor={`${id}-end`}>{t('contrib.endDate')}</label>
            <input id={`${id}-end`} type="date" required value={draft.endDate} onChange={(e) => set('endDate', e.target.value)} />
          </div>
        )}
        {withConfidence && (
          <div className="field">
            <label htmlFor={`${id}-confidence`}>{t('contrib.confidence')}</label>
            <select id={`${id}-confidence`} value={draft.confidence} onChange={(e) => set('confidence', e.target.value as Confidence)}>
              <option value="">{t('contrib.choose')}</option>
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {t(`confidence.${c}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <fieldset className="field">
        <legend>{t('contrib.taskAreas')}</legend>
        <p className="field-help" id={`${id}-tasks-hint`}>
          {t('contrib.taskAreasHint')}
        </p>
        <div className="checkbox-grid" aria-describedby={`${id}-tasks-hint`}>
          {taskAreas.map((area) => {
            const checked = draft.taskAreaIds.includes(area.id);
            return (
              <label key={area.id} className="checkbox-option">
                <input
                  type="checkbox"
                  value={area.id}
                  checked={checked}
                  disabled={!checked && draft.taskAreaIds.length >= MAX_TASK_AREAS}
                  onChange={(e) => set('taskAreaIds', e.target.checked ? [...draft.taskAreaIds, area.id] : draft.taskAreaIds.filter((x) => x !== area.id))}
                />{' '}
                {taskName(area)}
              </label>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t('contrib.members')}</legend>
        <p className="field-help">{t('contrib.membersHint')}</p>
        {draft.members.length === 0 ? (
          <p className="muted">{t('contrib.noMembers')}</p>
        ) : (
          <ul className="member-drafts" aria-label={t('contrib.members')}>
            {draft.members.map((m, index) => (
              <li key={`${m.kind}:${m.key}`} data-testid="member-draft">
                <span>
                  <strong>{m.name}</strong> <span className="muted small">({t(`contrib.kind.${m.kind}`)})</span>
                </span>
                <label className="sr-only" htmlFor={`${id}-role-${index}`}>
                  {t('contrib.memberRole', { name: m.name })}
                </label>
                <select
                  id={`${id}-role-${index}`}
                  value={m.role}
                  onChange={(e) =>
                    set(
                      'members',
                      draft.members.map((x, i) => (i === index ? { ...x, role: e.target.value as MemberRole } : x)),
                    )
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="button-secondary small"
                  aria-label={t('contrib.removeMember', { name: m.name })}
                  onClick={() =>
                    set(
                      'members',
                      draft.members.filter((_, i) => i !== index),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div ref={searchRef}>
          <MunicipalitySearch
            key={searchKey}
            label={t('contrib.addMember')}
            onSelect={(ags, name) => {
              addMember({ kind: 'MUNICIPALITY', key: ags, role: 'MEMBER', name });
              setSearchKey((k) => k + 1);
            }}
          />
        </div>
        <div className="field inline-add">
          <label htmlFor={`${id}-external`}>{t('contrib.external')}</label>
          <div className="row-actions">
            <input
              id={`${id}-external`}
              value={external}
              onChange={(e) => setExternal(e.target.value)}
              onKeyDown={(e) => {
                // Enter adds the partner instead of sending the whole form.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  if (external.trim()) addMember({ kind: 'EXTERNAL', key: external.trim(), role: 'PARTNER', name: external.trim() });
                  setExternal('');
                }
              }}
            />
            <button
              type="button"
              className="button-secondary"
              disabled={external.trim().length < 2}
              onClick={() => {
                addMember({ kind: 'EXTERNAL', key: external.trim(), role: 'PARTNER', name: external.trim() });
                setExternal('');
              }}
            >
              {t('contrib.addExternal')}
            </button>
          </div>
        </div>
      </fieldset>

      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-seat`}>{t('contrib.seat')}</label>
          <input id={`${id}-seat`} value={draft.seat} onChange={(e) => set('seat', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>{t('contrib.description')}</label>
          <input id={`${id}-description`} value={draft.description} onChange={(e) => set('description', e.target.value)} />
        </div>
      </div>

      <fieldset className="field">
        <legend>{t('contrib.source')}</legend>
        <p className="field-help">{t('contrib.sourceHint')}</p>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-url`}>{t('contrib.sourceUrl')}</label>
            <input
              id={`${id}-url`}
              type="url"
              inputMode="url"
              placeholder="https://"
              value={draft.sourceUrl}
              onChange={(e) => set('sourceUrl', e.target.value)}
            />
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
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('contrib.sourceDate')}</label>
            <input id={`${id}-date`} aria-describedby={`${id}-date-hint`} value={draft.sourceDate} onChange={(e) => set('sourceDate', e.target.value)} />
            <p id={`${id}-date-hint`} className="field-help">
              {t('contrib.sourceDateHint')}
            </p>
          </div>
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-note`}>{noteLabel}</label>
        <textarea id={`${id}-note`} rows={3} maxLength={2000} value={draft.note} onChange={(e) => set('note', e.target.value)} />
      </div>
      <p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('contrib.submitting') : submitLabel}
        </button>
      </p>
    </form>
  );
}
