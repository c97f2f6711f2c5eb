import { useTranslation } from 'react-i18next';

/** Pages announced in the navigation that later issues fill in. */
export function PlaceholderPage({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t(titleKey)}</h1>
      <p>{t('placeholder.comingSoon')}</p>
    </>
  );
}
