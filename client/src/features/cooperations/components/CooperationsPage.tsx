import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorMessage } from '../../../shared/errors';
import { ProvenanceBadge } from '../../../shared/components/ProvenanceBadge';
import { CooperationDirectoryQuery } from '../api/cooperations';

const LEGAL_FORMS = ['ZWECKVERBAND', 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG', 'AOER', 'GMBH', 'ARBEITSGEMEINSCHAFT', 'SHARED_SERVICE_CENTER'] as const;
const PAGE = 25;

/** The cooperation directory; filters and page live in the URL. */
export function CooperationsPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const page = Math.max(0, Number(search.get('seite') ?? '1') - 1);
  const filter = {
    taskArea: search.get('aufgabe') || undefined,
    legalForm: (search.get('rechtsform') as (typeof LEGAL_FORMS)[number] | null) || undefined,
    provenance: (search.get('herkunft') as 'RESEARCHED' | 'GENERATED' | null) || undefined,
  };
  const after = page > 0 ? btoa(`o:${page * PAGE - 1}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_') : undefined;
  const { data, previousData, loading, error } = useQuery(CooperationDirectoryQuery, { variables: { filter, first: PAGE, after } });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('seite');
    setSearch(next, { replace: true });
  };
  const result = data ?? previousData;
  return (
    <>
      <h1>{t('cooperations.title')}</h1>
      <form className="card finder-form" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-task">{t('finder.taskArea')}</label>
          <select id="f-task" value={filter.taskArea ?? ''} onChange={(e) => set('aufgabe', e.target.value)}>
            <option value="">{t('cooperations.all')}</option>
            {result?.taskAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {i18n.language === 'en' ? a.nameEn : a.nameDe}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-form">{t('cooperations.legalForm')}</label>
          <select id="f-form" value={filter.legalForm ?? ''} onChange={(e) => set('rechtsform', e.target.value)}>
            <option value="">{t('cooperations.all')}</option>
            {LEGAL_FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`legalForm.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-prov">{t('cooperations.provenance')}</label>
          <select id="f-prov" value={filter.provenance ?? ''} onChange={(e) => set('herkunft', e.target.value)}>
            <option value="">{t('cooperations.all')}</option>
            <option value="RESEARCHED">{t('provenance.RESEARCHED')}</option>
            <option value="GENERATED">{t('provenance.GENERATED')}</option>
          </select>
        </div>
      </form>
      {error && <ApiErrorMessage error={error} />}
      {!result && loading && <p role="status">{t('common.loading')}</p>}
      {result && (
        <>
          <p role="status">{t('cooperations.count', { count: result.cooperations.totalCount })}</p>
          <table className="table" aria-busy={loading}>
            <thead>
              <tr>
                <th scope="col">{t('cooperations.name')}</th>
                <th scope="col">{t('cooperations.legalForm')}</th>
                <th scope="col">{t('finder.taskArea')}</th>
                <th scope="col">{t('cooperations.provenance')}</th>
              </tr>
            </thead>
            <tbody>
              {result.cooperations.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/kooperationen/${node.id}`}>{node.name}</Link>
                  </td>
                  <td>{t(`legalForm.${node.legalForm}`)}</td>
                  <td>{node.taskAreas.map((a) => (i18n.language === 'en' ? a.nameEn : a.nameDe)).join(', ')}</td>
                  <td>
                    <ProvenanceBadge provenance={node.provenance} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label={t('cooperations.pages')} className="pager">
            {page > 0 && (
              <Link to={`?${new URLSearchParams({ ...Object.fromEntries(search), seite: String(page) })}`}>← {t('cooperations.previous')}</Link>
            )}{' '}
            {result.cooperations.pageInfo.hasNextPage && (
              <Link to={`?${new URLSearchParams({ ...Object.fromEntries(search), seite: String(page + 2) })}`}>{t('cooperations.next')} →</Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}

export default CooperationsPage;
