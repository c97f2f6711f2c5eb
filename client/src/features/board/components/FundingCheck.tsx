import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundingCheck_CheckFragment } from '../../../gql/graphql';
import type { Me } from '../../../shared/account/session';
import { StateBadge } from '../../../shared/components/StateBadge';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatEur } from '../../../shared/format';
import { Link } from '../../../shared/i18n/links';
import { FundingFact } from '../../../shared/score/FundingFact';
import { FundingCheckQuery, FundingChoicesQuery, FundingInterestsQuery } from '../api/funding';
import '../board.css';
import './funding.css';
import { DECLARATIONS, MAX_COST_EUR, MAX_PARTNERS, fundingQuery, mayCheckFunding, useFundingParams, type DeclarationKey } from './fundingParams';

interface Choice {
  ags: string;
  shortName: string;
  crossBorder: boolean;
  stateName?: string | null;
  rank?: number;
}

/** What the funding check needs of the idea page's idea. */
export interface FundingCheckIdea {
  id: string;
  ownerRevealed: boolean;
}

/**
 * „Förderung prüfen“ on the idea page (issue 12, part 7): pick partners from the engine's suggestions and the accepted
 * interests, enter the project cost, tick the two declarations; the API checks the Förderrichtlinie IKZ NRW
 * (`ProjectIdea.fundingCheck`). The choices are in the address, which the Projektskizze link carries on.
 */
export function FundingCheck({ idea, me }: { idea: FundingCheckIdea; me: Me | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [params, update] = useFundingParams();
  const interests = useQuery(FundingInterestsQuery, { variables: { id: idea.id }, skip: !idea.ownerRevealed || !me });
  const allowed = idea.ownerRevealed && mayCheckFunding(me, interests.data?.projectIdea);
  const choices = useQuery(FundingChoicesQuery, { variables: { id: idea.id }, skip: !allowed });
  const check = useQuery(FundingCheckQuery, {
    variables: { id: idea.id, partners: params.partners, cost: params.costEur },
    skip: !allowed || params.partners.length === 0,
    // Keep the last answer on screen while the next one loads (no flicker on every tick).
    notifyOnNetworkStatusChange: false,
  });
  // The check of an anonymised idea would name its owner's cooperations: the API gives none, the page shows none.
  if (!idea.ownerRevealed) return null;
  // Only the owner side, accepted partners and the office prepare an application.
  if (!allowed) return null;

  const suggested: Choice[] = (choices.data?.projectIdea.suggestions?.candidates ?? []).map((c) => ({ ...c.municipality, rank: c.rank }));
  const accepted: Choice[] = (interests.data?.projectIdea.interests ?? [])
    .filter((i) => i.status === 'ACCEPTED')
    .map((i) => i.municipality)
    .filter((m) => !suggested.some((s) => s.ags === m.ags));
  const listed = new Set([...suggested, ...accepted].map((c) => c.ags));
  const result = check.data?.projectIdea.fundingCheck ?? check.previousData?.projectIdea.fundingCheck ?? null;
  // Partners chosen by a link that are in neither list: named from the check's answer.
  const others: Choice[] = params.partners
    .filter((ags) => !listed.has(ags))
    .map((ags) => result?.partners.find((p) => p.ags === ags) ?? { ags, shortName: ags, crossBorder: false });

  const toggle = (ags: string, on: boolean) =>
    update({ partners: on ? [...params.partners.filter((a) => a !== ags), ags].slice(0, MAX_PARTNERS) : params.partners.filter((a) => a !== ags) });
  const declare = (key: DeclarationKey, on: boolean) => {
    const declared = new Set(params.declared);
    if (on) declared.add(key);
    else declared.delete(key);
    update({ declared });
  };

  const group = (legend: string, list: Choice[], testId: string) =>
    list.length > 0 && (
      <fieldset className="funding-partners" data-testid={testId}>
        <legend>{legend}</legend>
        {list.map((c) => (
          <div key={c.ags} className="checkbox-option">
            <input
              type="checkbox"
              id={`${id}-p-${c.ags}`}
              checked={params.partners.includes(c.ags)}
              disabled={!params.partners.includes(c.ags) && params.partners.length >= MAX_PARTNERS}
              onChange={(e) => toggle(c.ags, e.target.checked)}
            />
            <label htmlFor={`${id}-p-${c.ags}`}>
              {c.rank !== undefined && <span className="muted">{t('fundingCheck.rank', { rank: c.rank })} </span>}
              {c.shortName} <StateBadge municipality={c} />
            </label>
          </div>
        ))}
      </fieldset>
    );

  return (
    <section className="card funding-check" aria-labelledby={`${id}-title`} data-testid="funding-check">
      <h2 id={`${id}-title`}>{t('fundingCheck.title')}</h2>
      <p>{t('fundingCheck.intro')}</p>
      {params.ignored.length > 0 && (
        <p className="notice" data-testid="funding-ignored">
          {t('fundingCheck.invalidParams', { values: params.ignored.join(', ') })}
        </p>
      )}
      <div className="funding-inputs">
        <div>
          <h3>{t('fundingCheck.partners')}</h3>
          {choices.error && <ApiErrorMessage error={choices.error} />}
          {choices.loading && <p role="status">{t('common.loading')}</p>}
          {group(t('fundingCheck.fromSuggestions'), suggested, 'funding-suggested')}
          {group(t('fundingCheck.fromInterests'), accepted, 'funding-accepted')}
          {group(t('fundingCheck.otherChosen'), others, 'funding-others')}
          {!choices.loading && suggested.length === 0 && accepted.length === 0 && others.length === 0 && <p>{t('fundingCheck.noChoices')}</p>}
          {params.partners.length >= MAX_PARTNERS && <p className="muted small">{t('fundingCheck.tooMany', { max: MAX_PARTNERS })}</p>}
        </div>
        <div>
          <CostField costEur={params.costEur} onApply={(costEur) => update({ costEur })} />
          <fieldset className="funding-declarations" data-testid="funding-declarations">
            <legend>{t('fundingCheck.declarations')}</legend>
            <p className="field-help">{t('fundingCheck.declarationsHelp')}</p>
            {DECLARATIONS.map((d) => (
              <div key={d.key} className="checkbox-option">
                <input type="checkbox" id={`${id}-d-${d.key}`} checked={params.declared.has(d.key)} onChange={(e) => declare(d.key, e.target.checked)} />
                <label htmlFor={`${id}-d-${d.key}`}>{t(`fundingCheck.declare.${d.key}`)}</label>
              </div>
            ))}
          </fieldset>
        </div>
      </div>
      <div data-testid="funding-result">
        {params.partners.length === 0 ? (
          <p className="muted">{t('fundingCheck.choosePartner')}</p>
        ) : check.error ? (
          <ApiErrorMessage error={check.error} />
        ) : !result ? (
          <p role="status">{t('fundingCheck.loading')}</p>
        ) : (
          <FundingCheckResult result={result} declared={params.declared} />
        )}
      </div>
      {params.partners.length > 0 && result && (
        <p>
          <Link className="button" to={`/boerse/${idea.id}/projektskizze${fundingQuery(params)}`} data-testid="sketch-link">
            {t('fundingCheck.sketch')}
          </Link>
        </p>
      )}
    </section>
  );
}

function CostField({ costEur, onApply }: { costEur: number | null; onApply: (cost: number | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(costEur === null ? '' : String(costEur));
  const [problem, setProblem] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.replace(/[.\s€]/g, '');
    if (text === '') {
      setProblem(false);
      onApply(null);
      return;
    }
    const n = Number(text);
    const ok = Number.isInteger(n) && n >= 1 && n <= MAX_COST_EUR;
    setProblem(!ok);
    if (ok) onApply(n);
  };
  return (
    <form className="funding-cost" onSubmit={submit} noValidate data-testid="funding-cost">
      <div className="field">
        <label htmlFor={`${id}-cost`}>{t('fundingCheck.cost')}</label>
        <input
          id={`${id}-cost`}
          inputMode="numeric"
          autoComplete="off"
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-cost-help${problem ? ` ${id}-cost-problem` : ''}`}
          onChange={(e) => setValue(e.target.value)}
        />
        <p id={`${id}-cost-help`} className="field-help">
          {t('fundingCheck.costHelp')}
        </p>
        {problem && (
          <p id={`${id}-cost-problem`} className="field-problem" role="alert">
            {t('fundingCheck.costInvalid')}
          </p>
        )}
      </div>
      <p>
        <button type="submit" className="button-secondary">
          {t('fundingCheck.costApply')}
        </button>
      </p>
    </form>
  );
}

type ItemState = 'MET' | 'NOT_MET' | 'TO_DECLARE' | 'DECLARED';

/** A checklist item's state, with a declared item as „erklärt“. */
export function itemState(item: FundingCheck_CheckFragment['items'][number], declared: ReadonlySet<string>): ItemState {
  return item.state === 'TO_DECLARE' && declared.has(item.key) ? 'DECLARED' : item.state;
}

/** The verdict: not eligible, eligible once declared, or eligible. */
export function verdict(result: FundingCheck_CheckFragment, declared: ReadonlySet<string>): 'NO' | 'OPEN' | 'YES' {
  if (!result.eligibleOnceDeclared) return 'NO';
  return result.items.every((i) => i.state !== 'TO_DECLARE' || declared.has(i.key)) ? 'YES' : 'OPEN';
}

/**
 * The checklist, the register's cooperations in the task, the estimate and the verdict (the idea page and the
 * Projektskizze). Only the verdict is a live region: the whole checklist would be read out again on every tick.
 */
export function FundingCheckResult({
  result,
  declared,
  compact = false,
}: {
  result: FundingCheck_CheckFragment;
  declared: ReadonlySet<string>;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const outcome = verdict(result, declared);
  const amount = formatEur(result.estimate.maxGrantEur, i18n.language);
  return (
    <>
      {!compact && <h3>{t('fundingCheck.checklist')}</h3>}
      <ul className="funding-checklist" data-testid="funding-checklist">
        {result.items.map((item) => {
          const state = itemState(item, declared);
          return (
            <li key={item.key} data-key={item.key} data-state={state}>
              <span className={`badge funding-state funding-state-${state.toLowerCase()}`}>{t(`fundingCheck.state.${state}`)}</span>{' '}
              <strong>{en ? item.labelEn : item.labelDe}</strong>
              <span className="funding-item-reason"> – {en ? item.reasonEn : item.reasonDe}</span>
            </li>
          );
        })}
      </ul>
      {result.existingCooperations.length > 0 && (
        <>
          <h3 className={compact ? 'sketch-h3' : undefined}>{t('fundingCheck.existing')}</h3>
          <ul className="funding-existing" data-testid="funding-existing">
            {result.existingCooperations.map((c) => (
              <li key={c.id}>
                <Link to={`/kooperationen/${c.id}`}>{c.name}</Link> ({c.members.map((m) => m.shortName).join(', ')}; {t(`status.${c.status}`)}
                {c.unconfirmed ? `; ${t('confidence.LOW')}` : ''}) – {c.blocks ? t('fundingCheck.blocks') : t('fundingCheck.notBlocking')}
              </li>
            ))}
          </ul>
        </>
      )}
      {!compact && <h3>{t('fundingCheck.estimate')}</h3>}
      <p className="muted small">
        {result.projectCostEur !== null && result.projectCostEur !== undefined
          ? t('fundingCheck.costUsed', { cost: formatEur(result.projectCostEur, i18n.language) })
          : t('fundingCheck.noCost')}
      </p>
      <FundingFact funding={result.estimate} />
      <p className={`funding-verdict funding-verdict-${outcome.toLowerCase()}`} role="status" data-testid="funding-verdict" data-verdict={outcome}>
        <strong>
          {outcome === 'NO'
            ? t('fundingCheck.verdictNo')
            : outcome === 'OPEN'
              ? t('fundingCheck.verdictOpen', { amount })
              : t('fundingCheck.verdictYes', { amount })}
        </strong>
      </p>
      {!compact && <p className="muted small">{t('fundingCheck.registerNote')}</p>}
    </>
  );
}
