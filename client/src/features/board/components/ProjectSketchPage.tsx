import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PrintedSources } from '../../../shared/components/PrintedSources';
import { StateBadge } from '../../../shared/components/StateBadge';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { Link } from '../../../shared/i18n/links';
import { taskAreaName } from '../../../shared/taskArea/TaskAreaName';
import { useSession } from '../../../shared/account/session';
import { FundingInterestsQuery, ProjectSketchQuery } from '../api/funding';
import { fundingQuery, mayCheckFunding, useFundingParams } from './fundingParams';
import { FundingCheckResult } from './FundingCheck';
import './funding.css';

/**
 * How many of the engine's reasons a partner row names (the strongest), by the number of partners, so that the
 * outline stays on one A4 page: three each for up to three partners, two for up to five, one beyond.
 */
const reasonsPerPartner = (partners: number) => (partners <= 3 ? 3 : partners <= 5 ? 2 : 1);
/** The register names a Regierungsbezirk "Reg.-Bez. Arnsberg"; the authority is the "Bezirksregierung Arnsberg". */
const regionSeat = (name: string) => name.replace(/^Reg(?:\.-Bez\.|ierungsbezirk)\s*/, '');

/**
 * The printable one-page Projektskizze for the Bezirksregierung (issue 12, part 7): the idea, its owner, the partners
 * chosen in the funding check with the engine's strongest reasons for each, the checklist of the Förderrichtlinie
 * IKZ NRW with the declarations as ticked, the estimate, the sources and the date. Printed with the dossier's print
 * rules (no navigation, A4) and its own tighter type.
 */
export function ProjectSketchPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [params] = useFundingParams();
  const en = i18n.language === 'en';
  const n = (v: number) => formatNumber(v, i18n.language);
  const { me, loading: sessionLoading } = useSession();
  const side = useQuery(FundingInterestsQuery, { variables: { id }, skip: !me });
  const allowed = mayCheckFunding(me, side.data?.projectIdea);
  const deciding = sessionLoading || (!!me && side.loading);
  const { data, error, loading } = useQuery(ProjectSketchQuery, {
    variables: { id, partners: params.partners, cost: params.costEur },
    skip: params.partners.length === 0 || !allowed,
  });
  const back = `/boerse/${id}${fundingQuery(params)}`;
  const actions = (
    <div className="no-print page-actions">
      {data?.projectIdea.fundingCheck && (
        <button type="button" className="button" onClick={() => window.print()}>
          {t('projectSketch.print')}
        </button>
      )}
      <Link to={back}>{t('projectSketch.back')}</Link>
    </div>
  );
  if (params.partners.length === 0)
    return (
      <div role="alert">
        <h1>{t('projectSketch.title')}</h1>
        <p>{t('projectSketch.noPartners')}</p>
        {actions}
      </div>
    );
  if (deciding) return <p role="status">{t('common.loading')}</p>;
  // Only the owner side, accepted partners and the office: not anonymous visitors or unrelated municipalities.
  if (!allowed)
    return (
      <div role="alert" data-testid="sketch-not-allowed">
        <h1>{t('projectSketch.title')}</h1>
        <p>{t('projectSketch.notAllowed')}</p>
        {actions}
      </div>
    );
  if (error)
    return (
      <>
        <h1>{t('projectSketch.title')}</h1>
        <ApiErrorMessage error={error} />
        {actions}
      </>
    );
  if (loading || !data) return <p role="status">{t('common.loading')}</p>;
  const idea = data.projectIdea;
  const check = idea.fundingCheck;
  if (!idea.ownerRevealed || !idea.municipality || !check)
    return (
      <div role="alert">
        <h1>{t('projectSketch.title')}</h1>
        <p>{t('projectSketch.hidden')}</p>
        {actions}
      </div>
    );
  const owner = idea.municipality;
  const region = owner.district?.region?.name ? regionSeat(owner.district.region.name) : null;
  const perPartner = reasonsPerPartner(check.partners.length);
  const ranked = new Map((idea.suggestions?.candidates ?? []).map((c) => [c.municipality.ags, c]));
  const combined = owner.population + check.partners.reduce((sum, p) => sum + p.population, 0);
  const today = new Date().toLocaleDateString(i18n.language, { year: 'numeric', month: 'long', day: 'numeric' });
  return (
    <article className={`dossier sketch${check.partners.length > 5 ? ' sketch-dense' : ''}`} data-testid="project-sketch">
      {actions}
      <div className="sketch-head">
        <p className="muted">{region ? t('projectSketch.to', { region }) : t('projectSketch.toUnknown')}</p>
        <p className="muted">{today}</p>
      </div>
      <h1>
        {t('projectSketch.title')}: {idea.title}
      </h1>
      <p className="lead">{t('projectSketch.subtitle')}</p>
      <dl className="sketch-facts">
        <dt>{t('projectSketch.owner')}</dt>
        <dd data-testid="sketch-owner">
          {owner.name} ({owner.district?.name}; {n(owner.population)} {t('common.inhabitantsShort')})
        </dd>
        <dt>{t('projectSketch.taskArea')}</dt>
        <dd>{taskAreaName(idea.taskArea, i18n.language)}</dd>
        {idea.timeline && (
          <>
            <dt>{t('projectSketch.timeline')}</dt>
            <dd>{idea.timeline}</dd>
          </>
        )}
      </dl>
      <section>
        <h2>{t('projectSketch.project')}</h2>
        <p className="sketch-description">{idea.description.length > 700 ? `${idea.description.slice(0, 700)}…` : idea.description}</p>
      </section>
      <section>
        <h2>{t('projectSketch.partners')}</h2>
        <table className="table sketch-partners" data-testid="sketch-partners">
          <thead>
            <tr>
              <th scope="col">{t('projectSketch.partnerColumn')}</th>
              <th scope="col">{t('projectSketch.districtColumn')}</th>
              <th scope="col">{t('projectSketch.populationColumn')}</th>
              <th scope="col">{t('projectSketch.reasonsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {check.partners.map((p) => {
              const candidate = ranked.get(p.ags);
              const strongest = candidate
                ? [...candidate.components]
                    .filter((c) => c.points > 0)
                    .sort((a, b) => b.points - a.points)
                    .slice(0, perPartner)
                : [];
              return (
                <tr key={p.ags} data-ags={p.ags}>
                  <th scope="row">
                    {p.shortName} <StateBadge municipality={p} />
                  </th>
                  <td>{p.crossBorder ? p.stateName : p.district?.name}</td>
                  <td>{n(p.population)}</td>
                  <td>
                    {candidate ? (
                      <>
                        <span className="muted">{t('projectSketch.rankScore', { rank: candidate.rank, score: n(Math.round(candidate.score)) })}</span>
                        <ul className="sketch-reasons">
                          {strongest.map((c) => (
                            <li key={c.key}>
                              <strong>{en ? c.info.labelEn : c.info.labelDe}:</strong> {en ? c.reasonEn : c.reasonDe}
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      <span className="muted">{t('projectSketch.notRanked')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p>{t('projectSketch.combined', { population: n(combined), count: check.partners.length + 1 })}</p>
      </section>
      <section>
        <h2>{t('projectSketch.checklist')}</h2>
        <FundingCheckResult result={check} declared={params.declared} compact />
      </section>
      <section className="small sketch-sources">
        <h2>{t('projectSketch.sources')}</h2>
        <PrintedSources cooperations={data.stats.cooperations} estimatedInNrw={data.stats.estimatedCooperationsInNrw} />
        <p>{t('projectSketch.date', { date: today })}</p>
      </section>
    </article>
  );
}

export default ProjectSketchPage;
