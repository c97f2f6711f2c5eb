import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { Confidence, CooperationStatus } from '../../gql/graphql';
import { formatPartialDate, sourceHost } from '../format';

/** The status of a cooperation in the register: aktiv, beendet, geplant or unklar. */
export function StatusBadge({ status }: { status: CooperationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-status status-${status.toLowerCase()}`} data-mark="status">
      <span className="sr-only">{t('cooperations.status')}: </span>
      {t(`status.${status}`)}
    </span>
  );
}

/**
 * How sure the register is of a record. An unconfirmed (LOW) record carries a visible warning sign and its own colour,
 * so it is never mistaken for a confirmed one; `compact` drops the visible "Verlässlichkeit:" where a column header
 * already says it.
 */
export function ConfidenceBadge({ confidence, compact = false }: { confidence: Confidence; compact?: boolean }) {
  const { t } = useTranslation();
  const low = confidence === 'LOW';
  return (
    <span className={`badge badge-confidence confidence-${confidence.toLowerCase()}`} data-mark="confidence" title={t(`confidence.hint.${confidence}`)}>
      {low && <span aria-hidden="true">⚠ </span>}
      <span className={compact || low ? 'sr-only' : undefined}>{t('confidence.label')}: </span>
      {t(`confidence.${confidence}`)}
    </span>
  );
}

/** The public source of a record, named by its host, with the date of the source where the register knows it. */
export function SourceLink({ url, date, label = true }: { url: string; date?: string | null; label?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="source">
      {label && `${t('source.label')}: `}
      <a className="source-link" data-mark="source" href={url} rel="noreferrer">
        {sourceHost(url)}
      </a>
      {date && <span className="muted"> ({t('source.asOf', { date: formatPartialDate(date, i18n.language) })})</span>}
    </span>
  );
}

interface Marks {
  status: CooperationStatus;
  confidence?: Confidence | null;
  sourceUrl?: string | null;
  sourceDate?: string | null;
}

/** Status, confidence and source of a cooperation, as every list of cooperations shows them. */
export function CooperationMarks({ cooperation }: { cooperation: Marks }) {
  return (
    <span className="marks">
      <StatusBadge status={cooperation.status} />
      {cooperation.confidence && <ConfidenceBadge confidence={cooperation.confidence} />}
      {cooperation.sourceUrl && <SourceLink url={cooperation.sourceUrl} date={cooperation.sourceDate} />}
    </span>
  );
}

CooperationMarks.fragments = {
  cooperation: graphql(`
    fragment CooperationMarks_cooperation on Cooperation {
      status
      confidence
      sourceUrl
      sourceDate
    }
  `),
};
