import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { IdeaStage, OfficeDashboardIdea_RowFragment } from '../../../gql/graphql';
import { formatDate } from '../../../shared/account/dates';
import { RequireRole } from '../../../shared/account/RequireRole';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { Link } from '../../../shared/i18n/links';
import { taskAreaName } from '../../../shared/taskArea/TaskAreaName';
import { IDEA_STAGES, IdeaStatusBadge, VisibilityBadge } from '../components/IdeaBits';
import '../board.css';
import './office.css';
import { OfficeDashboardQuery } from './api';

/** „Ohne Interesse nach 30 Tagen“: the threshold, the API's default. */
const WITHOUT_INTEREST_DAYS = 30;

/**
 * The office's dashboard of the Kooperationsbörse (issue 12, part 4; /geschaeftsstelle/boerse): every idea that is
 * not withdrawn — office-only ones too — counted by stage, Regierungsbezirk, Kreis and age, the open ideas without
 * any interest after 30 days, and the list of all ideas, filtered by stage and Regierungsbezirk in the address.
 */
export function OfficeDashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/geschaeftsstelle">{t('worklist.title')}</Link> · <Link to="/boerse">{t('board.back')}</Link>
      </p>
      <h1>{t('boardOffice.dashboardTitle')}</h1>
      <RequireRole role="OFFICE">{() => <Dashboard />}</RequireRole>
    </>
  );
}

function Dashboard() {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const [search, setSearch] = useSearchParams();
  const { data, error, loading } = useQuery(OfficeDashboardQuery, { variables: { days: WITHOUT_INTEREST_DAYS }, fetchPolicy: 'cache-and-network' });
  if (error && !data) return <ApiErrorMessage error={error} />;
  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  const d = data!.officeBoardDashboard;
  const stageParam = search.get('stand') ?? '';
  const stage = IDEA_STAGES.includes(stageParam as IdeaStage) ? (stageParam as IdeaStage) : '';
  const regionParam = search.get('bezirk') ?? '';
  const region = d.byRegion.some((r) => r.region.key === regionParam) ? regionParam : '';
  const set = (key: string, value: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const shown = d.ideas.filter((row) => (!stage || row.idea.stage === stage) && (!region || row.idea.municipality?.district?.region?.key === region));

  return (
    <>
      <p>{t('boardOffice.dashboardIntro')}</p>
      <dl className="facts office-totals" data-testid="office-totals">
        <dt>{t('boardOffice.activeIdeas')}</dt>
        <dd data-testid="office-active">{n(d.activeIdeas)}</dd>
        <dt>{t('boardOffice.medianAge')}</dt>
        <dd>{d.medianAgeDays === null || d.medianAgeDays === undefined ? '–' : t('boardOffice.medianAgeValue', { days: n(d.medianAgeDays) })}</dd>
      </dl>
      <div className="office-counts">
        <CountTable
          testId="office-by-stage"
          caption={t('boardOffice.byStage')}
          column={t('boardOffice.filterStage')}
          rows={d.byStage.map((s) => ({ key: s.stage, label: t(`board.stage.${s.stage}`), count: s.count }))}
        />
        <CountTable
          testId="office-by-region"
          caption={t('boardOffice.byRegion')}
          column={t('boardOffice.filterRegion')}
          rows={d.byRegion.map((r) => ({ key: r.region.key, label: r.region.name, count: r.count }))}
        />
        <CountTable
          testId="office-by-age"
          caption={t('boardOffice.byAge')}
          column={t('boardOffice.colAge')}
          rows={d.ageBands.map((b) => ({
            key: String(b.fromDays),
            label:
              b.toDays === null || b.toDays === undefined
                ? t('boardOffice.ageBandOpen', { from: b.fromDays })
                : t('boardOffice.ageBand', { from: b.fromDays, to: b.toDays }),
            count: b.count,
          }))}
        />
        <CountTable
          testId="office-by-district"
          caption={t('boardOffice.byDistrict')}
          column={t('boardOffice.colDistrict')}
          rows={d.byDistrict.slice(0, 12).map((r) => ({ key: r.district.key, label: r.district.name, count: r.count }))}
        />
      </div>

      <section className="card" aria-labelledby="office-without" data-testid="office-without-interest">
        <h2 id="office-without">{t('boardOffice.without', { days: WITHOUT_INTEREST_DAYS })}</h2>
        <p>{t('boardOffice.withoutIntro', { days: WITHOUT_INTEREST_DAYS })}</p>
        {d.ideasWithoutInterest.length === 0 ? (
          <p>{t('boardOffice.withoutNone')}</p>
        ) : (
          <IdeaTable rows={d.ideasWithoutInterest} caption={t('boardOffice.without', { days: WITHOUT_INTEREST_DAYS })} />
        )}
      </section>

      <section className="card" aria-labelledby="office-all" data-testid="office-all-ideas">
        <h2 id="office-all">{t('boardOffice.allIdeas')}</h2>
        <div className="board-filters">
          <div className="field">
            <label htmlFor="office-stage">{t('boardOffice.filterStage')}</label>
            <select id="office-stage" value={stage} onChange={(e) => set('stand', e.target.value)}>
              <option value="">{t('boardOffice.all')}</option>
              {IDEA_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`board.stage.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="office-region">{t('boardOffice.filterRegion')}</label>
            <select id="office-region" value={region} onChange={(e) => set('bezirk', e.target.value)}>
              <option value="">{t('boardOffice.all')}</option>
              {d.byRegion.map((r) => (
                <option key={r.region.key} value={r.region.key}>
                  {r.region.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p role="status" className="muted">
          {t('boardOffice.shown', { count: shown.length, total: d.ideas.length })}
        </p>
        {shown.length > 0 && <IdeaTable rows={shown} caption={t('boardOffice.allIdeas')} />}
      </section>
    </>
  );
}

function CountTable({
  caption,
  column,
  rows,
  testId,
}: {
  caption: string;
  column: string;
  rows: Array<{ key: string; label: string; count: number }>;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <table className="table office-count-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{column}</th>
          <th scope="col">{t('boardOffice.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row">{r.label}</th>
            <td>{formatNumber(r.count, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function IdeaTable({ rows, caption }: { rows: OfficeDashboardIdea_RowFragment[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table office-ideas">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('boardOffice.colTitle')}</th>
            <th scope="col">{t('boardOffice.colOwner')}</th>
            <th scope="col">{t('boardOffice.colRegion')}</th>
            <th scope="col">{t('boardOffice.colStage')}</th>
            <th scope="col">{t('boardOffice.colAge')}</th>
            <th scope="col">{t('boardOffice.colInterests')}</th>
            <th scope="col">{t('boardOffice.colProposals')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ idea, ageDays, interestCount, proposalCount }) => (
            <tr key={idea.id} data-idea={idea.id} data-stage={idea.stage}>
              <th scope="row">
                <Link to={`/boerse/${idea.id}`}>{idea.title}</Link>
                <br />
                <span className="small">
                  {taskAreaName(idea.taskArea, i18n.language)} <IdeaStatusBadge status={idea.status} /> <VisibilityBadge visibility={idea.visibility} />
                </span>
              </th>
              <td>{idea.municipality?.shortName ?? '–'}</td>
              <td>
                {idea.municipality?.district?.name}
                {idea.municipality?.district?.region ? `, ${idea.municipality.district.region.name}` : ''}
              </td>
              <td>
                {t(`board.stage.${idea.stage}`)}
                <br />
                <span className="muted small">{formatDate(idea.stageChangedAt, i18n.language)}</span>
              </td>
              <td>{t('boardOffice.ageDays', { count: ageDays })}</td>
              <td>{formatNumber(interestCount, i18n.language)}</td>
              <td>{formatNumber(proposalCount, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default OfficeDashboardPage;
