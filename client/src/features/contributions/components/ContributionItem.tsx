import { useTranslation } from 'react-i18next';
import type { ContributionItem_ContributionFragment } from '../../../gql/graphql';
import { formatDate } from '../../../shared/account/dates';
import { MunicipalityName } from '../../../shared/account/MunicipalityName';
import { Link } from '../../../shared/i18n/links';

/** What a report is about: the cooperation's name (as proposed, or as it is), linked once it is in the register. */
export function ContributionSubject({ c }: { c: ContributionItem_ContributionFragment }) {
  const name = c.record?.name ?? c.cooperation?.name ?? c.cooperationId ?? '';
  const id = c.cooperation?.id ?? (c.status === 'APPROVED' ? c.cooperationId : null);
  return id ? <Link to={`/kooperationen/${id}`}>{name}</Link> : <>{name}</>;
}

export function ContributionFacts({ c }: { c: ContributionItem_ContributionFragment }) {
  const { t, i18n } = useTranslation();
  const source = c.record?.sourceUrl ?? c.record?.sourceReference ?? c.end?.sourceUrl ?? c.end?.sourceReference;
  return (
    <p className="muted small">
      {t(`contrib.kindLabel.${c.kind}`)} · {t('contrib.reportedOn', { date: formatDate(c.createdAt, i18n.language) })}
      {c.authorName && <> · {t('worklist.by', { name: c.authorName })}</>}
      {c.municipalityAgs && (
        <>
          {' · '}
          {t('contrib.forMunicipality', { name: '' })}
          <MunicipalityName ags={c.municipalityAgs} />
        </>
      )}
      {c.end && (
        <>
          {' '}
          · {t('contrib.endDate')}: {c.end.endDate}
        </>
      )}
      {source && (
        <>
          {' · '}
          {t('history.source')}: {source.startsWith('http') ? <a href={source}>{source}</a> : source}
        </>
      )}
    </p>
  );
}
