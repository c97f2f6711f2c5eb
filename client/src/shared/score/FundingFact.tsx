import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { FundingFact_FundingFragment } from '../../gql/graphql';
import { formatEur } from '../format';

/**
 * The funding estimate beside a ranking (not part of the score): "Förderfähig: bis zu 175.000 €" or not eligible,
 * always with the API's sentence saying which rule applies (two NRW partners, a cross-border project, …).
 */
export function FundingFact({ funding }: { funding: FundingFact_FundingFragment }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`funding ${funding.eligible ? 'funding-eligible' : 'funding-not-eligible'}`} data-testid="funding">
      <p className="funding-head">
        <strong>{funding.eligible ? t('funding.eligible', { amount: formatEur(funding.maxGrantEur, i18n.language) }) : t('funding.notEligible')}</strong>
      </p>
      <p className="funding-reason">{i18n.language === 'en' ? funding.reasonEn : funding.reasonDe}</p>
    </div>
  );
}

FundingFact.fragments = {
  funding: graphql(`
    fragment FundingFact_funding on FundingEstimate {
      eligible
      crossBorder
      maxGrantEur
      nrwPartners
      reasonDe
      reasonEn
    }
  `),
};
