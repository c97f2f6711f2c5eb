import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Link } from '../../../shared/i18n/links';
import { graphql } from '../../../gql';
import type {
  DossierCooperationFragment,
  FundingFact_FundingFragment,
  ScoreBreakdown_ComponentFragment,
  TaskAreaName_TaskAreaFragment,
} from '../../../gql/graphql';
import { CopyLink } from '../../../shared/components/CopyLink';
import { PrintedSources } from '../../../shared/components/PrintedSources';
import { StateBadge } from '../../../shared/components/StateBadge';
import { CooperationMarks } from '../../../shared/cooperation/CooperationMarks';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatEur, formatNumber } from '../../../shared/format';
import { FOCUS_FILL, LazyShapeMap, mapShape } from '../../../shared/map/LazyShapeMap';
import { apiOptions, usePartnerParams } from '../../../shared/partnerParams';
import { useScoreComponentKeys } from '../../../shared/score/api';
import { FundingFact } from '../../../shared/score/FundingFact';
import { ScoreBreakdown, ScoreValue } from '../../../shared/score/ScoreBreakdown';
import { TaskAreaNames, taskAreaName } from '../../../shared/taskArea/TaskAreaName';

const PARTNER_FILL = '#6baed6';

// Both dossiers also read the focal municipality's cooperations (with status, confidence and source), to show which of
// them the chosen partners already share, and the register's size for the sources.
const DossierPartnerQuery = graphql(`
  query DossierPartner($ags: ID!, $taskArea: ID!, $options: PartnerOptions, $memberAgs: String!) {
    partnerSuggestions(ags: $ags, taskArea: $taskArea, options: $options) {
      municipality {
        ...CandidatePlace_municipality
      }
      taskArea {
        ...TaskAreaName_taskArea
      }
      projectCostEur
      weights {
        key
        weight
        defaultWeight
        info {
          labelDe
          labelEn
        }
      }
      candidates {
        rank
        score
        municipality {
          ...CandidatePlace_municipality
        }
        components {
          ...ScoreBreakdown_component
        }
        facts {
          combinedPopulation
          distanceKm
        }
        funding {
          ...FundingFact_funding
        }
      }
    }
    ...DossierRecords_query
  }
`);

const DossierCoalitionQuery = graphql(`
  query DossierCoalition($ags: ID!, $taskArea: ID!, $options: CoalitionOptions, $memberAgs: String!) {
    coalitionSuggestions(ags: $ags, taskArea: $taskArea, options: $options) {
      municipality {
        shortName
      }
      taskArea {
        ...TaskAreaName_taskArea
      }
      coalitions {
        rank
        score
        combinedPopulation
        members {
          ...CandidatePlace_municipality
        }
        components {
          ...ScoreBreakdown_component
        }
        funding {
          ...FundingFact_funding
        }
      }
    }
    ...DossierRecords_query
  }
`);

graphql(`
  fragment DossierCooperation on Cooperation {
    id
    name
    legalForm
    ...CooperationMarks_cooperation
    members {
      kind
      key
    }
    taskAreas {
      ...TaskAreaName_taskArea
    }
  }
`);

// The municipality's own cooperations and the register's size, which both dossiers print.
graphql(`
  fragment DossierRecords_query on Query {
    cooperations(filter: { memberAgs: $memberAgs }, first: 50) {
      edges {
        node {
          ...DossierCooperation
        }
      }
    }
    stats {
      cooperations
      estimatedCooperationsInNrw
    }
  }
`);

type Member = {
  ags: string;
  shortName: string;
  population: number;
  boundary?: string | null;
  district?: { name: string } | null;
  crossBorder: boolean;
  stateName?: string | null;
};
type DossierCooperationNode = DossierCooperationFragment;

interface Selection {
  title: string;
  members: Member[];
  score: number;
  combinedPopulation: number;
  components: ScoreBreakdown_ComponentFragment[];
  funding: FundingFact_FundingFragment;
  focalAgs: string;
  task: TaskAreaName_TaskAreaFragment;
}

/** The cooperations the focal municipality already shares with at least one of the chosen partners. */
function sharedCooperations(all: DossierCooperationNode[], focalAgs: string, members: Member[]): DossierCooperationNode[] {
  const partners = new Set(members.map((m) => m.ags).filter((ags) => ags !== focalAgs));
  return all.filter((c) => c.members.some((m) => m.kind === 'MUNICIPALITY' && m.key && partners.has(m.key)));
}

/** A print view (A4) of a chosen partner or coalition for the council: who, why, ties, the map, funding, sources, date. */
export function DossierPage() {
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  const [params] = usePartnerParams();
  const { keys, error: keysError } = useScoreComponentKeys();
  const ags = params.ags ?? '';
  const taskArea = params.taskArea ?? '';
  const partner = search.get('partner');
  const coalition = search.get('koalition');
  const options = keys ? apiOptions(params, keys) : {};
  const partnerQuery = useQuery(DossierPartnerQuery, {
    variables: { ags, taskArea, memberAgs: ags, options: { ...options, limit: 50 } },
    skip: !partner || !keys,
  });
  const coalitionQuery = useQuery(DossierCoalitionQuery, {
    variables: { ags, taskArea, memberAgs: ags, options: { ...options, limit: 20 } },
    skip: !coalition || !keys,
  });
  const error = keysError ?? partnerQuery.error ?? coalitionQuery.error;
  const n = (value: number) => formatNumber(value, i18n.language);
  const en = i18n.language === 'en';
  if (error) return <ApiErrorMessage error={error} />;
  if (!keys || partnerQuery.loading || coalitionQuery.loading) return <p role="status">{t('common.loading')}</p>;

  let selection: Selection | null = null;
  let changedWeights: string[] = [];
  const data = partnerQuery.data ?? coalitionQuery.data;
  if (partner && partnerQuery.data) {
    const result = partnerQuery.data.partnerSuggestions;
    const candidate = result.candidates.find((c) => c.municipality.ags === partner);
    changedWeights = result.weights
      .filter((w) => w.weight !== w.defaultWeight)
      .map((w) => t('dossier.weightChanged', { label: en ? w.info.labelEn : w.info.labelDe, weight: n(w.weight), default: n(w.defaultWeight) }));
    if (candidate)
      selection = {
        title: `${result.municipality.shortName} + ${candidate.municipality.shortName}`,
        members: [result.municipality, candidate.municipality],
        score: candidate.score,
        combinedPopulation: candidate.facts.combinedPopulation,
        components: candidate.components,
        funding: candidate.funding,
        focalAgs: result.municipality.ags,
        task: result.taskArea,
      };
  }
  if (coalition && coalitionQuery.data) {
    const wanted = coalition.split(',').sort().join(',');
    const result = coalitionQuery.data.coalitionSuggestions;
    const found = result.coalitions.find(
      (c) =>
        c.members
          .map((m) => m.ags)
          .sort()
          .join(',') === wanted,
    );
    // A coalition result names no defaults; the weights that differ are those the link set.
    changedWeights = (found?.components ?? [])
      .filter((c) => params.weights[c.key] !== undefined)
      .map((c) => t('dossier.weightSet', { label: en ? c.info.labelEn : c.info.labelDe, weight: n(c.weight) }));
    if (found)
      selection = {
        title: found.members.map((m) => m.shortName).join(' · '),
        members: found.members,
        score: found.score,
        combinedPopulation: found.combinedPopulation,
        components: found.components,
        funding: found.funding,
        focalAgs: ags,
        task: result.taskArea,
      };
  }
  if (!selection || !data) {
    return (
      <div role="alert">
        <h1>{t('dossier.title')}</h1>
        <p>{t('dossier.notFound')}</p>
        <Link to="/partner">{t('nav.partners')}</Link>
      </div>
    );
  }
  const taskName = taskAreaName(selection.task, i18n.language);
  const shared = sharedCooperations(
    data.cooperations.edges.map((e) => e.node),
    selection.focalAgs,
    selection.members,
  );
  const projectCost = params.projectCostEur;
  return (
    <article className="dossier">
      <div className="no-print page-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('dossier.print')}
        </button>
        <CopyLink />
        <Link to="/hilfe/ranking">{t('help.ranking')}</Link>
        <Link to="/hilfe#glossar">{t('help.glossary')}</Link>
      </div>
      <h1>
        {t('dossier.title')}: {taskName}
      </h1>
      <p className="lead">{selection.title}</p>
      <section>
        <h2>{t('dossier.who')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('profile.neighbour')}</th>
              <th scope="col">{t('profile.district')}</th>
              <th scope="col">{t('profile.population')}</th>
            </tr>
          </thead>
          <tbody>
            {selection.members.map((m) => (
              <tr key={m.ags}>
                <td>
                  {m.shortName} <StateBadge municipality={m} />
                </td>
                <td>{m.district?.name ?? ''}</td>
                <td>{n(m.population)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('dossier.combined', { population: n(selection.combinedPopulation) })}</p>
      </section>
      <section>
        <h2>{t('dossier.why')}</h2>
        <p className="dossier-score">
          {t('dossier.score')}: <ScoreValue score={selection.score} />
        </p>
        <p className="muted small">
          {changedWeights.length === 0 ? t('dossier.defaultWeights') : t('dossier.changedWeights', { list: changedWeights.join('; ') })}
        </p>
        <ScoreBreakdown components={selection.components} sources />
      </section>
      <section>
        <h2>{t('dossier.ties')}</h2>
        {shared.length === 0 ? (
          <p>{t('dossier.noTies')}</p>
        ) : (
          <ul className="cooperation-list" data-testid="dossier-ties">
            {shared.map((c) => (
              <li key={c.id} data-testid="cooperation-row">
                {c.name}{' '}
                <span className="muted">
                  ({t(`legalForm.${c.legalForm}`)}; <TaskAreaNames areas={c.taskAreas} />)
                </span>
                <br />
                <CooperationMarks cooperation={c} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="dossier-map">
        <h2>{t('dossier.map')}</h2>
        <LazyShapeMap
          height={320}
          label={t('dossier.map')}
          shapes={selection.members.map((m) =>
            mapShape(m, m.ags === selection!.focalAgs ? FOCUS_FILL : PARTNER_FILL, { focus: m.ags === selection!.focalAgs, mark: { name: m.shortName } }),
          )}
          legend={[
            { label: t('map.yours'), fill: FOCUS_FILL, focus: true },
            { label: selection.members.length > 2 ? t('dossier.mapPartners') : t('dossier.mapPartner'), fill: PARTNER_FILL },
          ]}
        />
      </section>
      <section>
        <h2>{t('dossier.funding')}</h2>
        <p data-testid="dossier-cost">
          {projectCost !== null ? t('dossier.projectCost', { cost: formatEur(projectCost, i18n.language) }) : t('dossier.noProjectCost')}
        </p>
        <FundingFact funding={selection.funding} />
      </section>
      <section className="small">
        <h2>{t('dossier.sources')}</h2>
        <PrintedSources cooperations={data.stats.cooperations} estimatedInNrw={data.stats.estimatedCooperationsInNrw} />
        <p>{t('dossier.date', { date: new Date().toLocaleDateString(i18n.language, { year: 'numeric', month: 'long', day: 'numeric' }) })}</p>
      </section>
    </article>
  );
}

export default DossierPage;
