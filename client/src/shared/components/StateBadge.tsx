import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';

/** Marks a municipality of a neighbouring Land (a partner candidate from outside NRW) with the name of its Land. */
export function StateBadge({ municipality }: { municipality: { crossBorder: boolean; stateName?: string | null } }) {
  const { t } = useTranslation();
  if (!municipality.crossBorder) return null;
  const state = municipality.stateName ?? t('state.other');
  return (
    <span className="badge badge-state" data-mark="state" title={t('state.hint', { state })}>
      <span className="sr-only">{t('state.label')}: </span>
      {state}
    </span>
  );
}

StateBadge.fragments = {
  municipality: graphql(`
    fragment StateBadge_municipality on Municipality {
      crossBorder
      stateName
    }
  `),
};

/** A municipality as the partner views show it: name, size, Kreis, shape on the map and, across the border, its Land. */
export const CandidatePlaceFragment = graphql(`
  fragment CandidatePlace_municipality on Municipality {
    ...MapShape_municipality
    population
    district {
      name
    }
    ...StateBadge_municipality
  }
`);
