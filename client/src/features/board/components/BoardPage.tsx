import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { BoardOptionsQuery as BoardOptions, IdeaStage, IdeaStatus, ProjectIdeaFilter } from '../../../gql/graphql';
import { isOffice, useSession, type Me } from '../../../shared/account/session';
import { formatDate } from '../../../shared/account/dates';
import { CopyLink } from '../../../shared/components/CopyLink';
import { Tabs } from '../../../shared/components/Tabs';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { Link } from '../../../shared/i18n/links';
import { LazyShapeMap, mapShape } from '../../../shared/map/LazyShapeMap';
import { ParamProblems, unknownParameters, type ParamProblem } from '../../../shared/params/ParamProblems';
import { FundingFact } from '../../../shared/score/FundingFact';
import { ScoreDetails, ScoreValue } from '../../../shared/score/ScoreBreakdown';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import { taskAreaName } from '../../../shared/taskArea/TaskAreaName';
import { BoardMapQuery, BoardOptionsQuery, BoardQuery, FittingIdeasQuery, MyInterestsQuery } from '../api/board';
import '../board.css';
import { BoardHelp, IDEA_STAGES, IDEA_STATUSES, IdeaCard, InterestStatusBadge } from './IdeaBits';
import { appendPage, LoadMoreButton } from './LoadMore';

const PAGE = 20;
const PARAMETERS = ['aufgabe', 'kreis', 'bezirk', 'status', 'stand', 'meine', 'nach', 'ansicht'];
type View = 'alle' | 'passend' | 'interessen';
const VIEWS: View[] = ['alle', 'passend', 'interessen'];
const IDEA_FILL = '#6baed6';

/** Ideas the page can show by status: the default (open and complete), or one status. */
const STATUS_CHOICES: readonly IdeaStatus[] = IDEA_STATUSES;

/**
 * The Kooperationsbörse: every idea the caller may see (anonymous: the public ones), filtered by task area, Kreis,
 * Regierungsbezirk and status — all in the address, so a link keeps them — with a map of the owners. Signed-in staff
 * also get „Passen zu uns“ and their interests as tabs.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  const [search, setSearch] = useSearchParams();
  const requestedView = (search.get('ansicht') ?? 'alle') as View;
  const view: View = me && VIEWS.includes(requestedView) ? requestedView : 'alle';
  const options = useQuery(BoardOptionsQuery);
  const problems: ParamProblem[] = [
    ...unknownParameters(search, PARAMETERS, t('params.unknown')),
    ...(!loading && search.get('ansicht') && view !== requestedView ? [{ name: 'ansicht', value: search.get('ansicht')!, applied: t('board.paramView') }] : []),
  ];
  const select = (next: View) => {
    const params = new URLSearchParams(search);
    if (next === 'alle') params.delete('ansicht');
    else params.set('ansicht', next);
    setSearch(params, { replace: true });
  };
  return (
    <>
      <h1>{t('board.title')}</h1>
      <p className="lead">{t('board.lead')}</p>
      <BoardHelp />
      <div className="page-actions">
        {me && (
          <Link className="button" to="/boerse/neu">
            {t('board.post')}
          </Link>
        )}
        {me && <Link to="/postfach">{t('board.inbox')}</Link>}
        <CopyLink />
      </div>
      {!me && !loading && <p className="muted">{t('board.signInForMore')}</p>}
      {/* Until the session is known: whether there are tabs depends on it. */}
      {loading ? (
        <p role="status">{t('common.loading')}</p>
      ) : me ? (
        <Tabs idPrefix="board" label={t('board.views')} tabs={VIEWS.map((id) => ({ id, label: t(`board.tab.${id}`) }))} selected={view} onSelect={select}>
          {view === 'alle' && <AllIdeas problems={problems} options={options} me={me} />}
          {view === 'passend' && (
            <>
              <ParamProblems problems={problems} />
              <FittingIdeas me={me} />
            </>
          )}
          {view === 'interessen' && (
            <>
              <ParamProblems problems={problems} />
              <MyInterests />
            </>
          )}
        </Tabs>
      ) : (
        <AllIdeas problems={problems} options={options} me={null} />
      )}
    </>
  );
}

function AllIdeas({ problems: viewProblems, options, me }: { problems: ParamProblem[]; options: { data?: BoardOptions; error?: ErrorLike }; me: Me | null }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const cursors = (search.get('nach') ?? '').split(',').filter(Boolean);
  const data = options.data;
  const requested = {
    taskArea: search.get('aufgabe') ?? '',
    districtKey: search.get('kreis') ?? '',
    regionKey: search.get('bezirk') ?? '',
    status: search.get('status') ?? '',
    stage: search.get('stand') ?? '',
    mine: search.get('meine') ?? '',
  };
  const regions = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const d of data?.districts ?? []) if (d.region) byKey.set(d.region.key, d.region.name);
    return [...byKey].sort((a, b) => a[1].localeCompare(b[1], 'de'));
  }, [data]);
  const taskKnown = !requested.taskArea || !data || data.taskAreas.some((a) => a.id === requested.taskArea);
  const districtKnown = !requested.districtKey || !data || data.districts.some((d) => d.key === requested.districtKey);
  const regionKnown = !requested.regionKey || !data || regions.some(([key]) => key === requested.regionKey);
  const statusKnown = !requested.status || STATUS_CHOICES.includes(requested.status as IdeaStatus);
  const stageKnown = !requested.stage || IDEA_STAGES.includes(requested.stage as IdeaStage);
  const mineKnown = !requested.mine || (requested.mine === '1' && me !== null);
  const problems: ParamProblem[] = [
    ...viewProblems,
    ...(taskKnown ? [] : [{ name: 'aufgabe', value: requested.taskArea, applied: t('params.taskArea') }]),
    ...(districtKnown ? [] : [{ name: 'kreis', value: requested.districtKey, applied: t('params.district') }]),
    ...(regionKnown ? [] : [{ name: 'bezirk', value: requested.regionKey, applied: t('params.region') }]),
    ...(statusKnown ? [] : [{ name: 'status', value: requested.status, applied: t('board.paramStatus') }]),
    ...(stageKnown ? [] : [{ name: 'stand', value: requested.stage, applied: t('board.paramStage') }]),
    ...(mineKnown ? [] : [{ name: 'meine', value: requested.mine, applied: t('board.paramMine') }]),
  ];
  const applied = {
    taskArea: taskKnown ? requested.taskArea : '',
    districtKey: districtKnown ? requested.districtKey : '',
    regionKey: regionKnown ? requested.regionKey : '',
    status: statusKnown ? requested.status : '',
    stage: stageKnown ? requested.stage : '',
    mine: mineKnown && requested.mine === '1',
  };
  const filter: ProjectIdeaFilter = {
    ...(applied.taskArea ? { taskAreaId: applied.taskArea } : {}),
    ...(applied.districtKey ? { districtKey: applied.districtKey } : {}),
    ...(applied.regionKey ? { regionKey: applied.regionKey } : {}),
    ...(applied.status ? { status: [applied.status as IdeaStatus] } : {}),
    ...(applied.stage ? { stage: [applied.stage as IdeaStage] } : {}),
    ...(applied.mine ? { mine: true } : {}),
  };
  const after = cursors.at(-1);
  const list = useQuery(BoardQuery, { variables: { filter, first: PAGE, after }, skip: !data });
  const result = list.data ?? list.previousData;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    // A Kreis of another Regierungsbezirk would contradict the new one.
    if (key === 'bezirk') next.delete('kreis');
    next.delete('nach');
    setSearch(next, { replace: true });
  };
  const withCursors = (next: string[]) => {
    const params = new URLSearchParams(search);
    if (next.length > 0) params.set('nach', next.join(','));
    else params.delete('nach');
    return `?${params.toString()}`;
  };
  const filtered = Object.keys(filter).length > 0;
  return (
    <>
      <ParamProblems problems={problems} />
      <form className="card finder-form board-filters" role="search" aria-label={t('board.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="b-task">{t('board.taskArea')}</label>
          <select id="b-task" value={applied.taskArea} onChange={(e) => set('aufgabe', e.target.value)}>
            <option value="">{t('board.allTaskAreas')}</option>
            {data?.taskAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {taskAreaName(a, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="b-region">{t('board.region')}</label>
          <select id="b-region" value={applied.regionKey} onChange={(e) => set('bezirk', e.target.value)}>
            <option value="">{t('board.allRegions')}</option>
            {regions.map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="b-district">{t('board.district')}</label>
          <select id="b-district" value={applied.districtKey} onChange={(e) => set('kreis', e.target.value)}>
            <option value="">{t('board.allDistricts')}</option>
            {data?.districts
              .filter((d) => !applied.regionKey || d.region?.key === applied.regionKey)
              .map((d) => (
                <option key={d.key} value={d.key}>
                  {d.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="b-status">{t('board.statusLabel')}</label>
          <select id="b-status" value={applied.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('board.statusDefault')}</option>
            {STATUS_CHOICES.map((s) => (
              <option key={s} value={s}>
                {t(`board.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="b-stage">{t('board.stageLabel')}</label>
          <select id="b-stage" value={applied.stage} onChange={(e) => set('stand', e.target.value)}>
            <option value="">{t('board.allStages')}</option>
            {IDEA_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`board.stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {me && me.municipalityAgs.length > 0 && (
          <div className="field board-mine">
            <label className="checkbox-option">
              <input type="checkbox" checked={applied.mine} onChange={(e) => set('meine', e.target.checked ? '1' : '')} /> {t('board.mine')}
            </label>
          </div>
        )}
      </form>
      {(options.error ?? list.error) && <ApiErrorMessage error={(options.error ?? list.error)!} />}
      {!result && !list.error && !options.error && <p role="status">{t('common.loading')}</p>}
      {result && (
        <div className="finder-layout board-layout">
          <section aria-labelledby="board-list-title">
            <h2 id="board-list-title" className="sr-only">
              {t('board.caption')}
            </h2>
            <p role="status" data-testid="board-count">
              {t('board.count', { count: result.projectIdeas.totalCount })}
            </p>
            {result.projectIdeas.edges.length === 0 ? (
              <p className="card">{filtered ? t('board.empty') : t('board.emptyAll')}</p>
            ) : (
              <ul className="idea-list" aria-label={t('board.caption')} aria-busy={list.loading}>
                {result.projectIdeas.edges.map(({ node }) => (
                  <IdeaCard key={node.id} idea={node} />
                ))}
              </ul>
            )}
            <nav aria-label={t('board.pages')} className="pager">
              {cursors.length > 0 && <Link to={withCursors(cursors.slice(0, -1))}>← {t('board.previous')}</Link>}{' '}
              {result.projectIdeas.pageInfo.hasNextPage && result.projectIdeas.pageInfo.endCursor && (
                <Link to={withCursors([...cursors, result.projectIdeas.pageInfo.endCursor])}>{t('board.next')} →</Link>
              )}
            </nav>
          </section>
          <aside>
            <BoardMap filter={filter} />
          </aside>
        </div>
      )}
    </>
  );
}

/** The owners of the filtered ideas on the map; anonymised ideas have no owner to show, and the line below says so. */
function BoardMap({ filter }: { filter: ProjectIdeaFilter }) {
  const { t } = useTranslation();
  const { data, previousData, error } = useQuery(BoardMapQuery, { variables: { filter } });
  const result = (data ?? previousData)?.projectIdeas;
  if (error) return <ApiErrorMessage error={error} />;
  if (!result) return <p role="status">{t('common.loading')}</p>;
  // One shape per municipality, labelled with its ideas' titles.
  const byAgs = new Map<string, { municipality: NonNullable<(typeof result.edges)[number]['node']['municipality']>; titles: string[] }>();
  let anonymous = 0;
  for (const { node } of result.edges) {
    if (!node.ownerRevealed || !node.municipality) {
      anonymous++;
      continue;
    }
    const entry = byAgs.get(node.municipality.ags) ?? { municipality: node.municipality, titles: [] };
    entry.titles.push(node.title);
    byAgs.set(node.municipality.ags, entry);
  }
  const shapes = [...byAgs.values()].map(({ municipality, titles }) =>
    mapShape(municipality, IDEA_FILL, { label: `${municipality.shortName}: ${titles.join('; ')}`, mark: { name: municipality.shortName } }),
  );
  return (
    <section className="board-map" aria-labelledby="board-map-title" data-testid="board-map">
      <h2 id="board-map-title">{t('board.mapTitle')}</h2>
      {shapes.length > 0 ? (
        <LazyShapeMap shapes={shapes} label={t('board.mapLabel')} height={360} legend={[{ label: t('board.mapLegend'), fill: IDEA_FILL }]} />
      ) : (
        <p className="muted">{t('board.mapEmpty')}</p>
      )}
      {shapes.length > 0 && (
        <ul className="board-map-names" aria-label={t('board.mapLegend')} data-testid="board-map-names">
          {[...byAgs.values()].map(({ municipality, titles }) => (
            <li key={municipality.ags}>
              <strong>{municipality.shortName}</strong>: {titles.join('; ')}
            </li>
          ))}
        </ul>
      )}
      {anonymous > 0 && (
        <p className="muted" data-testid="board-map-anonymous">
          {t('board.mapAnonymous', { count: anonymous })}
        </p>
      )}
      {result.totalCount > result.edges.length && <p className="muted">{t('board.mapLimit')}</p>}
    </section>
  );
}

/** „Vorhaben, die zu uns passen“: ideas whose ranking puts one of the caller's municipalities high, with the reason. */
function FittingIdeas({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<{ ags: string; name: string } | null>(null);
  // The office has no municipality of its own: it picks one and sees the ideas that fit it (the API takes any `ags`).
  if (isOffice(me))
    return (
      <>
        <section aria-labelledby="fit-office-title" data-testid="fit-office">
          <h2 id="fit-office-title">{t('board.fitTitle')}</h2>
          <p>{t('board.fitOfficeIntro')}</p>
          <MunicipalitySearch label={t('board.fitOfficeSearch')} onSelect={(ags, name) => setChosen({ ags, name })} />
          {!chosen && <p className="muted">{t('board.fitOfficeNone')}</p>}
        </section>
        {chosen && <FittingList key={chosen.ags} ags={chosen.ags} title={t('board.fitOfficeChosen', { name: chosen.name })} />}
      </>
    );
  if (me.municipalityAgs.length === 0) return <p className="notice">{t('board.fitNoMunicipality')}</p>;
  return <FittingList title={t('board.fitTitle')} />;
}

function FittingList({ ags, title }: { ags?: string; title: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, fetchMore } = useQuery(FittingIdeasQuery, { variables: { first: PAGE, ags: ags ?? null } });
  const n = (v: number) => formatNumber(v, i18n.language);
  if (error) return <ApiErrorMessage error={error} />;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const fit = data.fittingProjectIdeas;
  return (
    <section aria-labelledby="fit-title" data-testid="fitting-ideas">
      <h2 id="fit-title">{title}</h2>
      <p>{ags ? t('board.fitOfficeListIntro', { rank: fit.withinRank }) : t('board.fitIntro', { rank: fit.withinRank })}</p>
      {fit.edges.length === 0 ? (
        <p className="card">{t('board.fitEmpty')}</p>
      ) : (
        <ul className="idea-list">
          {fit.edges.map(({ node }) => (
            <IdeaCard key={`${node.idea.id}-${node.municipality.ags}`} idea={node.idea}>
              <div className="fit-reason" data-testid="fit-reason">
                <p>
                  <strong>{t('board.fitRank', { rank: node.rank, name: node.municipality.shortName })}</strong> <ScoreValue score={node.candidate.score} /> ·{' '}
                  {n(node.candidate.facts.distanceKm)} km
                </p>
                <FundingFact funding={node.candidate.funding} />
                <ScoreDetails components={node.candidate.components} open={false} />
              </div>
            </IdeaCard>
          ))}
        </ul>
      )}
      <LoadMoreButton
        pageInfo={fit.pageInfo}
        loading={loading}
        label={t('board.moreIdeas')}
        onMore={(after) => void fetchMore({ variables: { after }, updateQuery: appendPage('fittingProjectIdeas') })}
      />
    </section>
  );
}

function MyInterests() {
  const { t, i18n } = useTranslation();
  const { data, error, loading, fetchMore } = useQuery(MyInterestsQuery, { variables: { first: PAGE }, fetchPolicy: 'cache-and-network' });
  if (error) return <ApiErrorMessage error={error} />;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const list = data.myInterests;
  return (
    <section aria-labelledby="my-title" data-testid="my-interests">
      <h2 id="my-title">{t('board.myTitle')}</h2>
      {list.edges.length === 0 ? (
        <p className="card">{t('board.myEmpty')}</p>
      ) : (
        <ul className="plain-list interest-list">
          {list.edges.map(({ node }) => (
            <li key={node.id} className="card" data-testid="my-interest">
              <p>
                {node.idea ? <Link to={`/boerse/${node.idea.id}`}>{node.idea.title}</Link> : <span className="muted">{t('inbox.ideaGone')}</span>}{' '}
                <InterestStatusBadge status={node.status} />
              </p>
              <p className="muted small">
                {t('board.myFor', { name: node.municipality.shortName })} · {formatDate(node.createdAt, i18n.language)}
                {node.idea && <> · {node.idea.ownerRevealed && node.idea.municipality ? node.idea.municipality.shortName : t('board.hiddenOwner')}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton
        pageInfo={list.pageInfo}
        loading={loading}
        label={t('board.moreInterests')}
        onMore={(after) => void fetchMore({ variables: { after }, updateQuery: appendPage('myInterests') })}
      />
    </section>
  );
}

export default BoardPage;
