import { useTranslation } from 'react-i18next';

interface Component {
  key: string;
  contribution: number;
  weight: number;
  rawValue: number;
  reasonDe: string;
  reasonEn: string;
}

/** One bar per score component, as wide as its contribution, with the sentence saying why. */
export function ScoreBreakdown({ components, maxContribution }: { components: Component[]; maxContribution: number }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="breakdown">
      {components.map((c) => (
        <li key={c.key}>
          <div className="breakdown-head">
            <span className="breakdown-label">{t(`components.${c.key}`)}</span>
            <span className="bar" aria-hidden="true">
              <span className={`bar-fill bar-${c.key}`} style={{ width: `${Math.max(0, (c.contribution / maxContribution) * 100)}%` }} />
            </span>
            <span className="breakdown-value">
              {c.contribution.toLocaleString(i18n.language, { maximumFractionDigits: 2 })}
              <span className="sr-only"> {t('finder.points')}</span>
            </span>
          </div>
          <p className="reason">{i18n.language === 'en' ? c.reasonEn : c.reasonDe}</p>
        </li>
      ))}
    </ul>
  );
}
