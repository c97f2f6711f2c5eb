import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { Link } from '../../../shared/i18n/links';
import { HELP } from '../content';

// The criteria come from the API's own list (names, what each measures, its source), so this page cannot drift from
// the engine; the figures are those of docs/matching-evaluation.md.
const RankingComponentsQuery = graphql(`
  query RankingComponents {
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

export function RankingHelpPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const help = HELP[en ? 'en' : 'de'].ranking;
  const { data } = useQuery(RankingComponentsQuery);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/hilfe">{t('nav.help')}</Link> › {help.title}
      </p>
      <h1>{help.title}</h1>
      <p className="lead">{help.intro}</p>
      <section aria-labelledby="criteria" className="card">
        <h2 id="criteria">{help.componentsTitle}</h2>
        <p>{help.componentsIntro}</p>
        <dl className="glossary" data-testid="ranking-components">
          {data?.scoreComponents.map((c) => (
            <div key={c.key}>
              <dt>{en ? c.labelEn : c.labelDe}</dt>
              <dd>
                {en ? c.descriptionEn : c.descriptionDe} <span className="muted small">({en ? c.sourceEn : c.source})</span>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="weights" className="card">
        <h2 id="weights">{help.weightsTitle}</h2>
        {help.weights.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </section>
      <section aria-labelledby="evaluation" className="card">
        <h2 id="evaluation">{help.evaluationTitle}</h2>
        <p>{help.evaluationIntro}</p>
        <div className="table-scroll">
          <table className="table" data-testid="evaluation-table">
            <caption>{help.tableCaption}</caption>
            <thead>
              <tr>
                {help.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {help.rows.map((row) => (
                <tr key={row[0]}>
                  <th scope="row">{row[0]}</th>
                  <td>{row[1]}</td>
                  <td>{row[2]}</td>
                  <td>{row[3]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {help.evaluationText.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </section>
      <section aria-labelledby="limits" className="card">
        <h2 id="limits">{help.limitsTitle}</h2>
        <ul>
          {help.limits.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
        <h2>{help.moreTitle}</h2>
        <p>{help.more}</p>
      </section>
    </>
  );
}

export default RankingHelpPage;
