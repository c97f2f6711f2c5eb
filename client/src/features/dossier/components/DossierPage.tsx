import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../../gql';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { LazyShapeMap } from '../../../shared/map/LazyShapeMap';
import { apiOptions, usePartnerParams } from '../../../shared/partnerParams';

const DossierPartnerQuery = graphql(`
  query DossierPartner($ags: ID!, $taskArea: ID!, $options: PartnerOptions) {
    partnerSuggestions(ags: $ags, taskArea: $taskArea, options: $options) {
      municipality { ags shortName population boundary district { name } }
      taskArea { nameDe nameEn }
      candidates {
        rank score
        municipality { ags shortName population boundary district { name } }
        components { key weight rawValue contribution reasonDe reasonEn source }
        facts { combinedPopulation distanceKm }
        funding { eligible maxGrantEur reasonDe reasonEn }
      }
    }
  }
`);

const DossierCoalitionQuery = graphql(`
  query DossierCoalition($ags: ID!, $taskArea: ID!, $options: CoalitionOptions) {
    coalitionSuggestions(ags: $ags, taskArea: $taskArea, options: $options) {
      municipality { shortName }
      taskArea { nameDe nameEn }
      coalitions {
        rank score combinedPopulation
        members { ags shortName population boundary district { name } }
        components { key weight rawValue contribution reasonDe reasonEn source }
        funding { eligible maxGrantEur reasonDe reasonEn }
      }
    }
  }
`);

interface Selection {
  title: string;
  members: Array<{ ags: string; shortName: string; population: number; boundary?: string | null; district?: { name: string } | null }>;
  score: number;
  combinedPopulation: number;
  components: Array<{ key: string; weight: number; rawValue: number; contribution: number; reasonDe: string; reasonEn: string; source: string }>;
  funding: { reasonDe: string; reasonEn: string };
  focalAgs: string;
  task: { nameDe: string; nameEn: string };
}

/** A print view (A4) of a chosen partner or coalition for the council: who, why, the map, funding, sources, date. */
export function DossierPage() {
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  const [params] = usePartnerParams();
  const ags = params.ags ?? '';
  const taskArea = params.taskArea ?? '';
  const partner = search.get('partner');
  const coalition = search.get('koalition');
  const options = apiOptions(params);
  const partnerQuery = useQuery(DossierPartnerQuery, { variables: { ags, taskArea, options: { ...options, limit: 50 } }, skip: !partner });
  const coalitionQuery = useQuery(DossierCoalitionQuery, { variables: { ags, taskArea, options: { ...options, limit: 20 } }, skip: !coalition });
  const error = partnerQuery.error ?? coalitionQuery.error;
  const n = (value: number) => formatNumber(value, i18n.language);
  if (error) return <ApiErrorMessage error={error} />;
  if (partnerQuery.loading || coalitionQuery.loading) return <p role="status">{t('common.loading')}</p>;

  let selection: Selection | null = null;
  if (partner && partnerQuery.data) {
    const result = partnerQuery.data.partnerSuggestions;
    const candidate = result.candidates.find((c) => c.municipality.ags === partner);
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
    const found = result.coalitions.find((c) => c.members.map((m) => m.ags).sort().join(',') === wanted);
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
  if (!selection) {
    return (
      <div role="alert">
        <h1>{t('dossier.title')}</h1>
        <p>{t('dossier.notFound')}</p>
        <Link to="/partner">{t('nav.partners')}</Link>
      </div>
    );
  }
  const taskName = i18n.language === 'en' ? selection.task.nameEn : selection.task.nameDe;
  return (
    <article className="dossier">
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('dossier.print')}
        </button>
      </p>
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
                <td>{m.shortName}</td>
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
        <p>{t('dossier.score', { score: selection.score.toLocaleString(i18n.language, { maximumFractionDigits: 2 }) })}</p>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('dossier.component')}</th>
              <th scope="col">{t('dossier.reason')}</th>
              <th scope="col">{t('dossier.weight')}</th>
              <th scope="col">{t('dossier.points')}</th>
            </tr>
          </thead>
          <tbody>
            {selection.components.map((c) => (
              <tr key={c.key}>
                <td>{t(`components.${c.key}`)}</td>
                <td>
                  {i18n.language === 'en' ? c.reasonEn : c.reasonDe}
                  <br />
                  <span className="muted small">{c.source}</span>
                </td>
                <td>{c.weight.toLocaleString(i18n.language)}</td>
                <td>{c.contribution.toLocaleString(i18n.language, { maximumFractionDigits: 2 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="dossier-map">
        <h2>{t('dossier.map')}</h2>
        <LazyShapeMap
          height={320}
          label={t('dossier.map')}
          shapes={selection.members.map((m) => ({ ags: m.ags, label: m.shortName, boundary: m.boundary ?? null, fill: m.ags === selection!.focalAgs ? '#fdae6b' : '#6baed6', focus: m.ags === selection!.focalAgs }))}
        />
      </section>
      <section>
        <h2>{t('dossier.funding')}</h2>
        <p>{i18n.language === 'en' ? selection.funding.reasonEn : selection.funding.reasonDe}</p>
      </section>
      <section className="small">
        <h2>{t('dossier.sources')}</h2>
        <ul>
          <li>{t('footer.boundaries')}</li>
          <li>{t('footer.statistics')}</li>
          <li>{t('dossier.generatedNote')}</li>
        </ul>
        <p>{t('dossier.date', { date: new Date().toLocaleDateString(i18n.language, { year: 'numeric', month: 'long', day: 'numeric' }) })}</p>
      </section>
    </article>
  );
}

export default DossierPage;
