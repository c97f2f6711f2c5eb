import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ScoreBreakdown_ComponentFragment } from '../../gql/graphql';
import { formatNumber } from '../format';

/** "72 von 100": the total of a candidate or a group, rounded to whole points. */
export function ScoreValue({ score }: { score: number }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="score" data-testid="score">
      {t('score.outOf', { score: formatNumber(Math.round(score), i18n.language) })}
    </span>
  );
}

/**
 * One row per score component, in the engine's order: its name (from the API), a bar as long as its strength, its
 * points of the 0–100 total, stark / mittel / schwach, and the sentence saying why. With `sources`, each row also
 * names where the factor comes from (the dossier for the council).
 */
export function ScoreBreakdown({ components, sources = false }: { components: ScoreBreakdown_ComponentFragment[]; sources?: boolean }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <ul className="breakdown">
      {components.map((c) => (
        <li key={c.key} data-component={c.key}>
          <div className="breakdown-head">
            <span className="breakdown-label">{en ? c.info.labelEn : c.info.labelDe}</span>
            <span className="bar" aria-hidden="true">
              <span className={`bar-fill strength-${c.strength.toLowerCase()}`} style={{ width: `${Math.min(100, Math.max(0, c.rawValue * 100))}%` }} />
            </span>
            <span className="breakdown-value">
              {t('score.points', { points: formatNumber(c.points, i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
            </span>
            <span className={`breakdown-strength strength-text-${c.strength.toLowerCase()}`}>{t(`strength.${c.strength}`)}</span>
          </div>
          <p className="reason">{en ? c.reasonEn : c.reasonDe}</p>
          {sources && (
            <p className="muted small reason">
              {t('score.basis')}: {en ? c.info.sourceEn : c.info.source}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The breakdown behind a disclosure whose summary names the strongest components, so a long ranking stays scannable;
 * the first candidates start open.
 */
export function ScoreDetails({ components, open }: { components: ScoreBreakdown_ComponentFragment[]; open: boolean }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const strongest = [...components]
    .filter((c) => c.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 2)
    .map((c) => (en ? c.info.labelEn : c.info.labelDe));
  return (
    <details className="score-details" open={open}>
      <summary>
        {t('score.details', { count: components.length })}
        {strongest.length > 0 && <span className="muted"> – {t('score.strongest', { list: strongest.join(', ') })}</span>}
      </summary>
      <ScoreBreakdown components={components} />
    </details>
  );
}

ScoreBreakdown.fragments = {
  component: graphql(`
    fragment ScoreBreakdown_component on ScoreComponent {
      key
      rawValue
      strength
      weight
      points
      reasonDe
      reasonEn
      info {
        key
        labelDe
        labelEn
        source
        sourceEn
      }
    }
  `),
};
