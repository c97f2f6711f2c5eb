import { useQuery } from '@apollo/client/react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from '../../../shared/i18n/links';
import { graphql } from '../../../gql';
import { formatNumber } from '../../../shared/format';

const AboutQuery = graphql(`
  query About {
    stats {
      municipalities
      crossBorderMunicipalities
      cooperations
      cooperationsInForce
      cooperationsUnconfirmed
      estimatedCooperationsInNrw
    }
    scoreComponents {
      key
      labelDe
      labelEn
      descriptionDe
      descriptionEn
      source
      sourceEn
    }
  }
`);

/** "ein Fünftel" for 0.2: the share of the register in words where it is close to a simple fraction, else null. */
function shareInWords(share: number, t: (key: string) => string): string | null {
  if (!(share > 0 && share < 1)) return null;
  const denominator = Math.round(1 / share);
  if (denominator < 2 || denominator > 10 || Math.abs(1 / denominator - share) > 0.02) return null;
  return t(`about.fraction.${denominator}`);
}

/** Where the data comes from, how complete it is, how it grows and how the ranking works. */
export function AboutPage() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(AboutQuery);
  const n = (value: number) => formatNumber(value, i18n.language);
  const en = i18n.language === 'en';
  const stats = data?.stats;
  const share = stats && stats.estimatedCooperationsInNrw > 0 ? stats.cooperations / stats.estimatedCooperationsInNrw : null;
  const words = share !== null ? shareInWords(share, t) : null;
  return (
    <>
      <h1>{t('about.title')}</h1>
      <p className="lead">{t('about.intro')}</p>

      <section className="card" aria-labelledby="register">
        <h2 id="register">{t('about.registerTitle')}</h2>
        {stats && share !== null && (
          <p data-testid="about-completeness">
            {t('about.completeness', {
              count: n(stats.cooperations),
              estimate: n(stats.estimatedCooperationsInNrw),
              share: words
                ? t('about.shareWithWords', { words, percent: n(Math.round(share * 100)) })
                : t('about.sharePercent', { percent: n(Math.round(share * 100)) }),
            })}
          </p>
        )}
        <p>{t('about.compiled')}</p>
        <ul>
          <li>
            <strong>{t('confidence.HIGH')}</strong>: {t('confidence.hint.HIGH')}
          </li>
          <li>
            <strong>{t('confidence.MEDIUM')}</strong>: {t('confidence.hint.MEDIUM')}
          </li>
          <li>
            <strong>{t('confidence.LOW')}</strong>: {t('confidence.hint.LOW')}
          </li>
        </ul>
        {stats && <p>{t('about.currentCounts', { inForce: n(stats.cooperationsInForce), unconfirmed: n(stats.cooperationsUnconfirmed) })}</p>}
        <p>{t('about.incomplete')}</p>
        <p>
          <Link to="/kooperationen">{t('about.directoryLink')}</Link>
        </p>
      </section>

      <section className="card" aria-labelledby="nothing-invented">
        <h2 id="nothing-invented">{t('about.realTitle')}</h2>
        <p>{t('about.real')}</p>
      </section>

      <section className="card" aria-labelledby="contribute">
        <h2 id="contribute">{t('about.contributeTitle')}</h2>
        <p>{t('about.contribute')}</p>
        <p>
          <strong>{t('about.inPreparation')}</strong>
        </p>
      </section>

      <section className="card" aria-labelledby="sources">
        <h2 id="sources">{t('about.sourcesTitle')}</h2>
        <ul className="source-list">
          <li>{t('footer.boundaries')}</li>
          <li>{t('footer.statistics')}</li>
          <li>{t('about.sourceRegister', { count: stats ? n(stats.cooperations) : '…' })}</li>
          <li>
            {t('about.sourceAltkreise')} <span className="attribution">{t('about.attributionDestatis')}</span>
          </li>
          <li>{t('about.sourceRegions')}</li>
          <li>{t('about.sourceCrossBorder', { count: stats ? n(stats.crossBorderMunicipalities) : '…' })}</li>
          <li>{t('about.outOfScope')}</li>
        </ul>
        <p>
          <a href="https://www.govdata.de/dl-de/by-2-0">{t('footer.licence')}</a>
        </p>
      </section>

      <section className="card" aria-labelledby="method">
        <h2 id="method">{t('about.methodTitle')}</h2>
        <p>{t('about.method', { count: data?.scoreComponents.length ?? 0 })}</p>
        {data && (
          <table className="table">
            <caption>{t('about.componentsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dossier.component')}</th>
                <th scope="col">{t('about.measures')}</th>
                <th scope="col">{t('about.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {data.scoreComponents.map((c) => (
                <tr key={c.key}>
                  <td>{en ? c.labelEn : c.labelDe}</td>
                  <td>{en ? c.descriptionEn : c.descriptionDe}</td>
                  <td className="small">{en ? c.sourceEn : c.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <Trans i18nKey="about.weights" components={{ code: <code /> }} />
        </p>
        <p>{t('about.funding')}</p>
      </section>
    </>
  );
}

export default AboutPage;
