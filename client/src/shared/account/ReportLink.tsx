import { useTranslation } from 'react-i18next';
import { Link } from '../i18n/links';
import { mayReportFor, useSession } from './session';

/** "Kooperation melden" on a municipality's profile, for its own staff and the office; nothing for anyone else. */
export function ReportCooperationLink({ ags }: { ags: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!mayReportFor(me, ags)) return null;
  return (
    <Link className="button-secondary" to={`/melden?ags=${ags}`}>
      {t('contrib.report')}
    </Link>
  );
}
