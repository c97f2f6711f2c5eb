import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Link } from '../../../shared/i18n/links';
import { HELP } from '../content';

/** Glossary and FAQ; `/hilfe#glossar`, `/hilfe#faq` and `/hilfe#<term>` jump to a section or a term. */
export function HelpPage() {
  const { t, i18n } = useTranslation();
  const help = HELP[i18n.language === 'en' ? 'en' : 'de'];
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);
  return (
    <>
      <h1>{help.title}</h1>
      <p className="lead">{help.intro}</p>
      <nav aria-label={help.title} className="page-actions">
        <a href="#glossar">{help.glossaryTitle}</a>
        <a href="#faq">{help.faqTitle}</a>
        <Link to="/hilfe/ranking">{t('help.ranking')}</Link>
      </nav>
      <section aria-labelledby="glossar" className="card">
        <h2 id="glossar">{help.glossaryTitle}</h2>
        <dl className="glossary" data-testid="glossary">
          {help.glossary.map((entry) => (
            <div key={entry.id} id={entry.id}>
              <dt>{entry.term}</dt>
              <dd>{entry.text}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="faq" className="card">
        <h2 id="faq">{help.faqTitle}</h2>
        {help.faq.map((entry) => (
          <details key={entry.q} className="faq">
            <summary>{entry.q}</summary>
            <p>{entry.a}</p>
          </details>
        ))}
      </section>
    </>
  );
}

export default HelpPage;
