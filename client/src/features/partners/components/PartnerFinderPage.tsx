import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Link } from '../../../shared/i18n/links';
import { CooperationMarks } from '../../../shared/cooperation/CooperationMarks';
import { MemberList } from '../../../shared/cooperation/MemberList';
import { CopyLink } from '../../../shared/components/CopyLink';
import { StateBadge } from '../../../shared/components/StateBadge';
import { Tabs } from '../../../shared/components/Tabs';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { FOCUS_FILL, LazyShapeMap, mapShape, scoreColor } from '../../../shared/map/LazyShapeMap';
import { ParamProblems, unknownParameters, type ParamProblem } from '../../../shared/params/ParamProblems';
import {
  apiOptions,
  normaliseWeight,
  PARTNER_PARAMETERS,
  partnerParamIssues,
  toSearchParams,
  usePartnerParams,
  type PartnerParams,
  type Tab,
} from '../../../shared/partnerParams';
import { useScoreComponentKeys } from '../../../shared/score/api';
import { FundingFact } from '../../../shared/score/FundingFact';
import { ScoreDetails, ScoreValue } from '../../../shared/score/ScoreBreakdown';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import { taskAreaName } from '../../../shared/taskArea/TaskAreaName';
import { CoalitionSuggestionsQuery, FinderMunicipalityQuery, JoinableCooperationsQuery, PartnerSuggestionsQuery, TaskAreasQuery } from '../api/partners';
import { WeightSliders } from './WeightSliders';

const TABS: Tab[] = ['partner', 'koalitionen', 'beitreten'];
/** Candidates named on the map beside their rank number; further ones show the number only, so labels stay legible. */
const LABELLED_CANDIDATES = 5;

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
  const targetProblem = outside(params.targetPopulation, TARGET_POPULATION, true)
    ? t('finder.invalidTarget', { min: n(TARGET_POPULATION.min), max: n(TARGET_POPULATION.max) })
    : null;
  const radiusProblem = outside(params.maxDistanceKm, RADIUS_KM) ? t('finder.invalidRadius', { min: n(RADIUS_KM.min), max: n(RADIUS_KM.max) }) : null;
  const costProblem = outside(params.projectCostEur, PROJECT_COST_EUR, true)
    ? t('finder.invalidCost', { min: n(PROJECT_COST_EUR.min), max: n(PROJECT_COST_EUR.max) })
    : null;
  const valid = !targetProblem && !radiusProblem && !costProblem;
  const [search] = useSearchParams();
  const knownTask = !params.taskArea || !taskAreas.data || taskAreas.data.taskAreas.some((a) => a.id === params.taskArea);
  // Every value of the address the finder does not use as given, named with what it uses instead.
  const problems: ParamProblem[] = [
    ...unknownParameters(search, PARTNER_PARAMETERS, t('params.unknown'), ['w.']),
    ...(knownTask ? [] : [{ name: 'aufgabe', value: params.taskArea!, applied: t('params.taskAreaChoose') }]),
    ...partnerParamIssues(search, componentKeys.keys).map((issue) => ({
      name: issue.name,
      value: issue.value,
      applied:
        issue.kind === 'notNumber'
          ? t('params.notNumber', {
              fallback: t(issue.name === 'ziel' ? 'params.defaultTarget' : issue.name === 'radius' ? 'params.defaultRadius' : 'params.noCost'),
            })
          : issue.kind === 'tab'
            ? t('params.tab', { tab: t('finder.tab.partner') })
            : issue.kind === 'weightUnknown'
              ? t('params.weightUnknown')
              : t('params.weightClamped', { value: formatNumber(issue.applied, i18n.language) }),
    })),
  ];
  // A municipality the API does not know is said once (here), not again by each view.
  const ready = Boolean(params.ags && params.taskArea && knownTask && !current.error);

  return (
    <>
      <h1>{t('finder.title')}</h1>
      <ParamProblems problems={problems} />
      <div className="page-actions">
        <CopyLink />
        <Link to="/hilfe/ranking">{t('help.ranking')}</Link>
        <Link to="/hilfe#glossar">{t('help.glossary')}</Link>
      </div>
      <form className="card finder-form goals" onSubmit={(event) => event.preventDefault()}>
        <MunicipalitySearch key={currentName} label={t('finder.municipality')} initialValue={currentName} onSelect={(ags) => update({ ags })} />
        <div className="field">
          <label htmlFor="task-area">{t('finder.taskArea')}</label>
          <select id="task-area" value={params.taskArea ?? ''} onChange={(event) => update({ taskArea: event.target.value || null, weights: {} })}>
            <option value="">{t('finder.chooseTaskArea')}</option>
            {taskAreas.data?.taskAreas.map((area) => (
              <option key={area.id} value={area.id}>
                {taskAreaName(area, i18n.language)}
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
        <NumberField
          id="radius"
          label={t('finder.radius')}
          limits={RADIUS_KM}
          step={5}
          value={params.maxDistanceKm}
          problem={radiusProblem}
          onChange={(maxDistanceKm) => update({ maxDistanceKm })}
        />
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
          <Tabs
            idPrefix="finder"
            label={t('finder.views')}
            tabs={TABS.map((id) => ({ id, label: t(`finder.tab.${id}`) }))}
            selected={params.tab}
            onSelect={(tab) => update({ tab })}
          >
            {params.tab === 'partner' && <Candidates params={params} keys={componentKeys.keys} update={update} n={n} />}
            {params.tab === 'koalitionen' && <Coalitions params={params} keys={componentKeys.keys} n={n} />}
            {params.tab === 'beitreten' && <Joinables params={params} />}
          </Tabs>
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
  // The focal municipality and every candidate carry a label on the map: its name, and for a candidate its rank, the
  // number the list beside the map starts each card with.
  const shapes = [
    mapShape(result.municipality, FOCUS_FILL, { focus: true, mark: { name: result.municipality.shortName } }),
    ...result.candidates.map((c) =>
      mapShape(c.municipality, scoreColor(c.score, Math.min(...scores), Math.max(...scores)), {
        label: `${c.rank}. ${c.municipality.shortName}${c.municipality.crossBorder ? ` (${c.municipality.stateName ?? ''})` : ''}: ${t('score.outOf', { score: n(Math.round(c.score)) })}`,
        mark: { rank: c.rank, name: c.rank <= LABELLED_CANDIDATES ? c.municipality.shortName : undefined },
      }),
    ),
  ];
  return (
    <div className="finder-layout" aria-busy={loading}>
      <div>
        <p>
          {t('finder.summary', {
            name: result.municipality.shortName,
            task: taskAreaName(result.taskArea, i18n.language),
            count: result.consideredCount,
            radius: n(result.maxDistanceKm),
            target: n(result.targetPopulation),
          })}
        </p>
        {result.existingPartners.length > 0 && (
          <p className="muted">{t('finder.existingPartners', { names: result.existingPartners.map((p) => p.shortName).join(', ') })}</p>
        )}
        {result.candidates.length === 0 && <p className="card">{t('finder.noCandidates')}</p>}
        <ol className="candidates" aria-label={t('finder.ranking')}>
          {result.candidates.map((c) => (
            <li key={c.municipality.ags} className={`card candidate${c.municipality.crossBorder ? ' candidate-cross-border' : ''}`} data-testid="candidate">
              <h2 className="candidate-title">
                <span className="rank">{c.rank}.</span> <Link to={`/kommune/${c.municipality.ags}`}>{c.municipality.shortName}</Link>{' '}
                <StateBadge municipality={c.municipality} /> <ScoreValue score={c.score} />
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
          <LazyShapeMap
            shapes={shapes}
            label={t('finder.mapLabel')}
            legend={[
              { label: result.municipality.shortName, fill: FOCUS_FILL, focus: true },
              { label: t('finder.lowScore'), fill: '#deebf7' },
              { label: t('finder.highScore'), fill: '#08519c' },
            ]}
          />
        </div>
        <WeightSliders
          weights={result.weights}
          // A weight for a component the engine no longer has (from an old link) is dropped on the first change.
          onChange={(key, value) =>
            update({ weights: { ...Object.fromEntries(Object.entries(params.weights).filter(([k]) => keys.has(k))), [key]: normaliseWeight(value) } })
          }
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
              {t('finder.coalitionFacts', { population: n(c.combinedPopulation), size: c.members.length })}{' '}
              {c.reachesTarget ? t('finder.reachesTarget') : t('finder.missesTarget')}
            </p>
            <FundingFact funding={c.funding} />
            <div className="grid-2">
              <ScoreDetails components={c.components} open={c.rank <= 2} />
              <LazyShapeMap
                height={260}
                label={t('finder.coalitionMap', { rank: c.rank })}
                shapes={c.members.map((m) =>
                  mapShape(m, m.ags === params.ags ? FOCUS_FILL : '#6baed6', { focus: m.ags === params.ags, mark: { name: m.shortName } }),
                )}
                legend={[
                  { label: t('map.yours'), fill: FOCUS_FILL, focus: true },
                  { label: t('finder.coalitionPartners'), fill: '#6baed6' },
                ]}
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
    <div className="table-scroll">
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
    </div>
  );
}

export default PartnerFinderPage;
