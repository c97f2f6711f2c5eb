import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MunicipalityName } from '../../../shared/account/MunicipalityName';
import { ReportContextQuery } from '../api/contributions';

/**
 * One side of a field change as the office reads it. The API compares records as text (enum names, task area ids,
 * members as `KIND:KEY:ROLE; …`); here they are named in the UI language.
 */
export function ChangeValue({ field, value }: { field: string; value: string | null | undefined }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(ReportContextQuery, { skip: field !== 'taskAreaIds' });
  if (value === null || value === undefined || value === '') return <>–</>;
  switch (field) {
    case 'legalForm':
      return <>{t(`legalForm.${value}`)}</>;
    case 'status':
      return <>{t(`status.${value}`)}</>;
    case 'confidence':
      return <>{t(`confidence.${value}`)}</>;
    case 'taskAreaIds': {
      const names = value.split('; ').map((id) => {
        const area = data?.taskAreas.find((a) => a.id === id);
        return area ? (i18n.language === 'en' ? area.nameEn : area.nameDe) : id;
      });
      return <>{names.join(', ')}</>;
    }
    case 'members':
      return (
        <ul className="plain-list">
          {value.split('; ').map((entry) => {
            // KIND:KEY:ROLE — the key (an external partner's name) may itself hold a colon.
            const first = entry.indexOf(':');
            const last = entry.lastIndexOf(':');
            const kind = entry.slice(0, first);
            const key = entry.slice(first + 1, last);
            const role = entry.slice(last + 1);
            return (
              <li key={entry}>
                {kind === 'MUNICIPALITY' ? <MunicipalityName ags={key} /> : key} <span className="muted">({t(`role.${role}`)})</span>
              </li>
            );
          })}
        </ul>
      );
    default:
      return <>{value}</>;
  }
}
