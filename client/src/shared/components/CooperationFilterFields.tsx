import { useTranslation } from 'react-i18next';
import type { CooperationStatus, LegalForm, Provenance, TaskAreaName_TaskAreaFragment } from '../../gql/graphql';
import { taskAreaName } from '../taskArea/TaskAreaName';

export const LEGAL_FORMS: readonly LegalForm[] = [
  'ZWECKVERBAND',
  'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
  'VERWALTUNGSVEREINBARUNG',
  'AOER',
  'GMBH',
  'ARBEITSGEMEINSCHAFT',
  'SHARED_SERVICE_CENTER',
  'OTHER',
];
/** Where a record comes from. Synthetic records exist only in the benchmark database, so there is nothing to filter for. */
export const PROVENANCES: readonly Provenance[] = ['RESEARCHED', 'OFFICIAL', 'USER'];
export const STATUSES: readonly CooperationStatus[] = ['ACTIVE', 'UNCLEAR', 'PLANNED', 'ENDED'];

/** A URL value, kept only if it is one of the allowed ones (an old or hand-edited link cannot send anything else). */
export function allowed<T extends string>(value: string | null, values: readonly T[]): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

type Parameter = 'aufgabe' | 'rechtsform' | 'herkunft' | 'status';

interface Props {
  idPrefix: string;
  taskAreas: TaskAreaName_TaskAreaFragment[];
  values: { taskArea?: string; legalForm?: string; provenance?: string; status?: string };
  /** Called with the URL parameter name and the new value ('' for all). */
  onChange: (parameter: Parameter, value: string) => void;
  allTasksLabel: string;
  /** The directory filters by status; the network (whose filter has no status) does not. */
  withStatus?: boolean;
}

/** Task area, legal form, provenance (and status) filters, shared by the cooperation directory and the network page. */
export function CooperationFilterFields({ idPrefix, taskAreas, values, onChange, allTasksLabel, withStatus = false }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-task`}>{t('finder.taskArea')}</label>
        <select id={`${idPrefix}-task`} value={values.taskArea ?? ''} onChange={(e) => onChange('aufgabe', e.target.value)}>
          <option value="">{allTasksLabel}</option>
          {taskAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {taskAreaName(a, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-form`}>{t('cooperations.legalForm')}</label>
        <select id={`${idPrefix}-form`} value={values.legalForm ?? ''} onChange={(e) => onChange('rechtsform', e.target.value)}>
          <option value="">{t('cooperations.all')}</option>
          {LEGAL_FORMS.map((f) => (
            <option key={f} value={f}>
              {t(`legalForm.${f}`)}
            </option>
          ))}
        </select>
      </div>
      {withStatus && (
        <div className="field">
          <label htmlFor={`${idPrefix}-status`}>{t('cooperations.status')}</label>
          <select id={`${idPrefix}-status`} value={values.status ?? ''} onChange={(e) => onChange('status', e.target.value)}>
            <option value="">{t('cooperations.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${idPrefix}-prov`}>{t('cooperations.provenance')}</label>
        <select id={`${idPrefix}-prov`} value={values.provenance ?? ''} onChange={(e) => onChange('herkunft', e.target.value)}>
          <option value="">{t('cooperations.all')}</option>
          {PROVENANCES.map((p) => (
            <option key={p} value={p}>
              {t(`provenance.${p}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
