import { useTranslation } from 'react-i18next';

export const LEGAL_FORMS = ['ZWECKVERBAND', 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG', 'AOER', 'GMBH', 'ARBEITSGEMEINSCHAFT', 'SHARED_SERVICE_CENTER'] as const;
export type LegalFormValue = (typeof LEGAL_FORMS)[number];

interface Props {
  idPrefix: string;
  taskAreas: Array<{ id: string; nameDe: string; nameEn: string }>;
  values: { taskArea?: string; legalForm?: string; provenance?: string };
  /** Called with the URL parameter name (aufgabe, rechtsform, herkunft) and the new value ('' for all). */
  onChange: (parameter: 'aufgabe' | 'rechtsform' | 'herkunft', value: string) => void;
  allTasksLabel: string;
}

/** Task area, legal form and provenance filters, shared by the cooperation directory and the network page. */
export function CooperationFilterFields({ idPrefix, taskAreas, values, onChange, allTasksLabel }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-task`}>{t('finder.taskArea')}</label>
        <select id={`${idPrefix}-task`} value={values.taskArea ?? ''} onChange={(e) => onChange('aufgabe', e.target.value)}>
          <option value="">{allTasksLabel}</option>
          {taskAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {i18n.language === 'en' ? a.nameEn : a.nameDe}
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
      <div className="field">
        <label htmlFor={`${idPrefix}-prov`}>{t('cooperations.provenance')}</label>
        <select id={`${idPrefix}-prov`} value={values.provenance ?? ''} onChange={(e) => onChange('herkunft', e.target.value)}>
          <option value="">{t('cooperations.all')}</option>
          <option value="RESEARCHED">{t('provenance.RESEARCHED')}</option>
          <option value="GENERATED">{t('provenance.GENERATED')}</option>
        </select>
      </div>
    </>
  );
}
