import { useTranslation } from 'react-i18next';

/** Generated records are always marked as such wherever they are shown. */
export function ProvenanceBadge({ provenance }: { provenance: string }) {
  const { t } = useTranslation();
  if (provenance !== 'GENERATED') return <span className="badge badge-researched">{t('provenance.RESEARCHED')}</span>;
  return (
    <span className="badge badge-generated" title={t('provenance.generatedHint')}>
      {t('provenance.GENERATED')}
    </span>
  );
}
