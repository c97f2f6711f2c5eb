import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import { formatNumber } from '../../../shared/format';

const AboutStatsQuery = graphql(`
  query AboutStats {
    stats {
      municipalities
      cooperations
      cooperationsResearched
      cooperationsGenerated
    }
  }
`);

/** Where the data comes from, what is generated and how the ranking works: the page the footer's sources point to. */
export function AboutPage() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(AboutStatsQuery);
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <>
      <h1>{t('about.title')}</h1>
      <section className="card" aria-labelledby="sources">
        <h2 id="sources">{t('about.sourcesTitle')}</h2>
        <ul>
          <li>{t('footer.boundaries')}</li>
          <li>{t('footer.statistics')}</li>
          <li>{t('about.researched', { count: data?.stats.cooperationsResearched ?? 31 })}</li>
        </ul>
        <p>
          <a href="https://www.govdata.de/dl-de/by-2-0">{t('footer.licence')}</a>
        </p>
      </section>
      <section className="card" aria-labelledby="generated">
        <h2 id="generated">{t('about.generatedTitle')}</h2>
        <p>{t('about.generatedNote')}</p>
        {data && <p>{t('about.counts', { researched: n(data.stats.cooperationsResearched), generated: n(data.stats.cooperationsGenerated) })}</p>}
        <p>
          <Link to="/kooperationen?herkunft=RESEARCHED">{t('about.researchedLink')}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="method">
        <h2 id="method">{t('about.methodTitle')}</h2>
        <p>{t('about.method')}</p>
      </section>
    </>
  );
}

export default AboutPage;
