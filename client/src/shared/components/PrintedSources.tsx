import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';

/**
 * The sources a printed page names (dossier, Projektskizze): boundaries, statistics, the register with how complete it
 * is, the administrative history. One list, so what goes into a council paper or an application names the same.
 */
export function PrintedSources({ cooperations, estimatedInNrw }: { cooperations: number; estimatedInNrw: number }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <ul>
      <li>{t('footer.boundaries')}</li>
      <li>{t('footer.statistics')}</li>
      <li>{t('dossier.registerNote', { count: n(cooperations), estimate: n(estimatedInNrw) })}</li>
      <li>{t('dossier.historyNote')}</li>
    </ul>
  );
}
