import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CooperationMarks } from '../../../shared/cooperation/CooperationMarks';
import { MemberList } from '../../../shared/cooperation/MemberList';
import { StateBadge } from '../../../shared/components/StateBadge';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { LazyShapeMap, scoreColor } from '../../../shared/map/LazyShapeMap';
import { apiOptions, normaliseWeight, toSearchParams, usePartnerParams, type PartnerParams, type Tab } from '../../../shared/partnerParams';
import { useScoreComponentKeys } from '../../../shared/score/api';
import { FundingFact } from '../../../shared/score/FundingFact';
import { ScoreDetails, ScoreValue } from '../../../shared/score/ScoreBreakdown';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import { CoalitionSuggestionsQuery, FinderMunicipalityQuery, JoinableCooperationsQuery, PartnerSuggestionsQuery, TaskAreasQuery } from '../api/partners';
import { WeightSliders } from './WeightSliders';

const TABS: Tab[] = ['partner', 'koalitionen', 'beitreten'];

// The API's limits (server/src/modules/matching/matching.input.ts), checked here so a typo gets a message at the field.
const RADIUS_KM = { min: 1, max: 500 };
const TARGET_POPULATION = { min: 1, max: 20_000_000 };
const PROJECT_COST_EUR = { min: 1, max: 100_000_000 };
const outside = (value: number | null, limits: { min: number; max: number }, integer = false) =>
  value !== null && (!Number.isFinite(value) || value < limits.min || value > limits.max || (integer && !Number.isInteger(value)));

/** The dossier for one candidate or coalition, with the same municipality, task, goals, project cost and weights. */
function dossierLink(params: PartnerParams, selection: string): string {
  return `/dossier?${toSearchParams({ ...params, tab: 'partner' }).toString()}&${selection}`;
}

/** An optional number input with its limits and, when the value breaks them, a message tied to the field. */
function NumberField(props: {
  id: string;
  label: string;
  limits: { min: number; max: number };
  step: number;
  /** Whole numbers only: phones show a digits-only keypad. */
  integer?: boolean;
  value: number | null;
  problem: string | null;
  /** A short hint below the field, read with the label. */
  help?: string;
  onChange: (value: number | null) => void;
}) {
  const { id, label, limits, step, integer, value, problem, help, onChange } = props;
  const describedBy = [help ? `${id}-help` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={limits.min}
        max={limits.max}
        step={step}
        inputMode={integer ? 'numeric' : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      />
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

export function PartnerFinderPage() {
  const { t, i18n } = useTranslation();
  const [params, update] = usePartnerParams();
  const taskAreas = useQuery(TaskAreasQuery);
  const componentKeys = useScoreComponentKeys();
  const current = useQuery(FinderMunicipalityQuery, { variables: { ags: params.ags ?? '' }, skip: !params.ags });
  const currentName = current.data?.municipality.shortName ?? '';
  const n = (value: number) => formatNumber(value, i18n.language);
  const targetProblem = outside(params.targetPopulation, TARGET_POPULATION, true) ? t('finder.invalidTarget', { min: n(TARGET_POPULATION.min), max: n(TARGET_POPULATION.max) }) : null;
  const radiusProblem = outside(params.maxDistanceKm, RADIUS_KM) ? t('finder.invalidRadius', { min: n(RADIUS_KM.min), max: n(RADIUS_KM.max) }) : null;
  const costProblem = outside(params.projectCostEur, PROJECT_COST_EUR, true) ? t('finder.invalidCost', { min: n(PROJECT_COST_EUR.min), max: n(PROJECT_COST_EUR.max) }) : null;
  const valid = !targetProblem && !radiusProblem && !costProblem;
  const ready = Boolean(params.ags && params.taskArea);

  return (
    <>
      <h1>{t('finder.title')}</h1>
      <form className="card finder-form goals" onSubmit={(event) => event.preventDefault()}>
        <MunicipalitySearch key={currentName} label={t('finder.municipality')} initialValue={currentName} onSelect={(ags) => update({ ags })} />
        <div className="field">
          <label htmlFor="task-area">{t('finder.taskArea')}</label>
          <select id="task-area" value={params.taskArea ?? ''} onChange={(event) => update({ taskArea: event.target.value || null, weights: {} })}>
            <option value="">{t('finder.chooseTaskArea')}</option>
            {taskAreas.data?.taskAreas.map((area) => (
              <option key={area.id} value={area.id}>
                {i18n.language === 'en' ? area.nameEn : area.nameDe}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          id="target"
          label={t('finder.target')}
          limits={TARGET_POPULATION}
          step={1000}
          integer
          value={params.targetPopulation}
          problem={targetProblem}
          onChange={(targetPopulation) => update({ targetPopulation })}
        />
        <NumberField id="radius" label={t('finder.radius')} limits={RADIUS_KM} step={5} value={params.maxDistanceKm} problem={radiusProblem} onChange={(maxDistanceKm) => update({ maxDistanceKm })} />
        <NumberField
          id="cost"
          label={t('finder.cost')}
          limits={PROJECT_COST_EUR}
          step={1000}
          integer
          value={params.projectCostEur}
          problem={costProblem}
          help={t('finder.costHelp')}
          onChange={(projectCostEur) => update({ projectCostEur })}
        />
      </form>
      {current.error && <ApiErrorMessage error={current.error} />}
      {componentKeys.error && <ApiErrorMessage error={componentKeys.error} />}
      {!ready && <p className="card">{t('finder.start')}</p>}
      {ready && !valid && (
        <p role="alert" className="alert">
          {t('finder.fixInput')}
        </p>
      )}
      {ready && valid && componentKeys.keys && (
        <>
          <div role="tablist" aria-label={t('finder.views')} className="tabs">
            {TABS.map((tab) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={`tab-${tab}`}
                aria-selected={params.tab === tab}
                aria-controls={`panel-${tab}`}
                tabIndex={params.tab === tab ? 0 : -1}
                onClick={() => update({ tab })}
                onKeyDown={(event) => {
                  const index = TABS.indexOf(tab);
                  if (event.key === 'ArrowRight') update({ tab: TABS[(index + 1) % TABS.length]! });
                  if (event.key === 'ArrowLeft') update({ tab: TABS[(index + TABS.length - 1) % TABS.length]! });
                }}
              >
                {t(`finder.tab.${tab}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${params.tab}`} aria-labelledby={`tab-${params.tab}`}>
            {params.tab === 'partner' && <Candidates params={params} keys={componentKeys.keys} update={update} n={n} />}
            {params.tab === 'koalitionen' && <Coalitions params={params} keys={componentKeys.keys} n={n} />}
            {params.tab === 'beitreten' && <Joinables params={params} />}
          </div>
        </>
      )}
    </>
  );
}

interface ViewProps {
  params: PartnerParams;
  keys: ReadonlySet<string>;
  n: (v: number) => string;
}

function Candidates({ params, keys, update, n }: ViewProps & { update: (c: Partial<PartnerParams>) => void }) {
  const { t, i18n } = useTranslation();
  const { data, previousData, loading, error } = useQuery(PartnerSuggestionsQuery, {
    variables: { ags: params.ags!, taskArea: params.taskArea!, options: { ...apiOptions(params, keys), limit: 10 } },
  });
  const result = (data ?? previousData)?.partnerSuggestions;
  if (error) return <ApiErrorMessage error={error} />;
  if (!result) return <p role="status">{t('common.loading')}</p>;
  const scores = result.candidates.map((c) => c.score);
  const shapes = [
    { ags: result.municipality.ags, label: result.municipality.shortName, boundary: result.municipality.boundary ?? null, fill: '#fdae6b', focus: true },
    ...result.candidates.map((c) => ({
      ags: c.municipality.ags,
      label: `${c.rank}. ${c.municipality.shortName}${c.municipality.crossBorder ? ` (${c.municipality.stateName ?? ''})` : ''}: ${t('score.outOf', { score: n(Math.round(c.score)) })}`,
      boundary: c.municipality.boundary ?? null,
      fill: scoreColor(c.score, Math.min(...scores), Math.max(...scores)),
    })),
  ];
  return (
    <div className="finder-layout" aria-busy={loading}>
      <div>
        <p>
          {t('finder.summary', {
            name: result.municipality.shortName,
            task: i18n.language === 'en' ? result.taskArea.nameEn : result.taskArea.nameDe,
            count: result.consideredCount,
            radius: n(result.maxDistanceKm),
            target: n(result.targetPopulation),
          })}
        </p>
        {result.existingPartners.length > 0 && <p className="muted">{t('finder.existingPartners', { names: result.existingPartners.map((p) => p.shortName).join(', ') })}</p>}
        {result.candidates.length === 0 && <p className="card">{t('finder.noCandidates')}</p>}
        <ol className="candidates" aria-label={t('finder.ranking')}>
          {result.candidates.map((c) => (
            <li key={c.municipality.ags} className={`card candidate${c.municipality.crossBorder ? ' candidate-cross-border' : ''}`} data-testid="candidate">
              <h2 className="candidate-title">
                <span className="rank">{c.rank}.</span> <Link to={`/kommune/${c.municipality.ags}`}>{c.municipality.shortName}</Link> <StateBadge municipality={c.municipality} />{' '}
                <ScoreValue score={c.score} />
              </h2>
              <p className="muted">
                {c.municipality.district?.name} · {n(c.municipality.population)} {t('common.inhabitantsShort')} · {n(c.facts.distanceKm)} km ·{' '}
                {t('finder.combined', { population: n(c.facts.combinedPopulation) })}
              </p>
              <FundingFact funding={c.funding} />
              <ScoreDetails components={c.components} open={c.rank <= 3} />
              <p>
                <Link to={dossierLink(params, `partner=${c.municipality.ags}`)}>{t('finder.dossier')}</Link>
              </p>
            </li>
          ))}
        </ol>
      </div>
      <aside>
        <div className="finder-map">
          <LazyShapeMap shapes={shapes} label={t('finder.mapLabel')} />
          <p className="legend">
            <span className="swatch" style={{ background: '#fdae6b' }} /> {result.municipality.shortName} · <span className="swatch" style={{ background: '#deebf7' }} /> {t('finder.lowScore')} →{' '}
            <span className="swatch" style={{ background: '#08519c' }} /> {t('finder.highScore')}
          </p>
        </div>
        <WeightSliders
          weights={result.weights}
          // A weight for a component the engine no longer has (from an old link) is dropped on the first change.
          onChange={(key, value) => update({ weights: { ...Object.fromEntries(Object.entries(params.weights).filter(([k]) => keys.has(k))), [key]: normaliseWeight(value) } })}
          onReset={() => update({ weights: {} })}
        />
      </aside>
    </div>
  );
}

function Coalitions({ params, keys, n }: ViewProps) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(CoalitionSuggestionsQuery, {
    variables: { ags: params.ags!, taskArea: params.taskArea!, options: { ...apiOptions(params, keys), limit: 5 } },
  });
  if (error) return <ApiErrorMessage error={error} />;
  if (loading || !data) return <p role="status">{t('common.loading')}</p>;
  const { coalitions, targetPopulation } = data.coalitionSuggestions;
  if (coalitions.length === 0) return <p className="card">{t('finder.noCoalitions')}</p>;
  return (
    <>
      <p>{t('finder.coalitionIntro', { target: n(targetPopulation) })}</p>
      <ol className="candidates">
        {coalitions.map((c) => (
          <li key={c.rank} className="card candidate" data-testid="coalition">
            <h2 className="candidate-title">
              <span className="rank">{c.rank}.</span>{' '}
              <span data-testid="coalition-members">
                {c.members.map((m, index) => (
                  <span key={m.ags}>
                    {index > 0 && ' · '}
                    {m.shortName}
                    {m.crossBorder && (
                      <>
                        {' '}
                        <StateBadge municipality={m} />
                      </>
                    )}
                  </span>
                ))}
              </span>{' '}
              <ScoreValue score={c.score} />
            </h2>
            <p>
              {t('finder.coalitionFacts', { population: n(c.combinedPopulation), size: c.members.length })} {c.reachesTarget ? t('finder.reachesTarget') : t('finder.missesTarget')}
            </p>
            <FundingFact funding={c.funding} />
            <div className="grid-2">
              <ScoreDetails components={c.components} open={c.rank <= 2} />
              <LazyShapeMap
                height={260}
                label={t('finder.coalitionMap', { rank: c.rank })}
                shapes={c.members.map((m, index) => ({ ags: m.ags, label: m.shortName, boundary: m.boundary ?? null, fill: index === 0 ? '#fdae6b' : '#6baed6', focus: m.ags === params.ags }))}
              />
            </div>
            <p>
              <Link to={dossierLink(params, `koalition=${c.members.map((m) => m.ags).join(',')}`)}>{t('finder.dossier')}</Link>
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

function Joinables({ params }: { params: PartnerParams }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(JoinableCooperationsQuery, {
    variables: { ags: params.ags!, taskArea: params.taskArea!, options: params.maxDistanceKm !== null ? { maxDistanceKm: params.maxDistanceKm } : undefined },
  });
  if (error) return <ApiErrorMessage error={error} />;
  if (loading || !data) return <p role="status">{t('common.loading')}</p>;
  if (data.joinableCooperations.length === 0) return <p className="card">{t('finder.noJoinables')}</p>;
  return (
    <table className="table" data-testid="joinables">
      <caption>{t('finder.joinCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cooperations.name')}</th>
          <th scope="col">{t('cooperations.legalForm')}</th>
          <th scope="col">{t('cooperations.record')}</th>
          <th scope="col">{t('finder.distance')}</th>
          <th scope="col">{t('cooperations.members')}</th>
        </tr>
      </thead>
      <tbody>
        {data.joinableCooperations.map((j) => {
          return (
            <tr key={j.id} data-testid="cooperation-row">
              <td>
                <Link to={`/kooperationen/${j.id}`}>{j.name}</Link>
              </td>
              <td>{t(`legalForm.${j.legalForm}`)}</td>
              <td>
                <CooperationMarks cooperation={j} />
              </td>
              <td>{j.viaDistrict ? t('finder.viaDistrict') : `${formatNumber(j.distanceKm, i18n.language)} km (${j.nearestMember?.shortName ?? ''})`}</td>
              <td>
                <MemberList members={j.members} memberCount={j.memberCount} inline />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default PartnerFinderPage;
