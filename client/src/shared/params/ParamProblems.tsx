import { useTranslation } from 'react-i18next';

/** A URL parameter the page could not use as given, and what it does instead (already in the UI language). */
export interface ParamProblem {
  name: string;
  value: string;
  applied: string;
}

/**
 * A value naming generated (synthetic) records, from links made before they left the app: the page never says the
 * word for them (nothing invented is shown, not even by name), so the value is left out of the notice.
 */
const UNSPOKEN_VALUE = /generier|generated/i;

/** Parameters every page understands (the language). */
const GLOBAL_PARAMETERS = ['lang'];

/**
 * Parameters in the address that the page does not know at all: named, so a mistyped link is not silently
 * ignored. `applied` is the sentence saying what happens instead.
 */
export function unknownParameters(search: URLSearchParams, known: readonly string[], applied: string, prefixes: readonly string[] = []): ParamProblem[] {
  const problems: ParamProblem[] = [];
  for (const [name, value] of search) {
    if (known.includes(name) || GLOBAL_PARAMETERS.includes(name) || prefixes.some((prefix) => name.startsWith(prefix))) continue;
    problems.push({ name, value, applied });
  }
  return problems;
}

/**
 * One visible notice listing every parameter of the address that is unknown or invalid, each with what the page
 * uses instead, so the filter shown is the filter applied.
 */
export function ParamProblems({ problems }: { problems: ParamProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="notice param-problems" data-testid="param-problems">
      <p>{t('params.intro', { count: problems.length })}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.name}=${p.value}`}>{t('params.problem', { name: p.name, value: UNSPOKEN_VALUE.test(p.value) ? '…' : p.value, applied: p.applied })}</li>
        ))}
      </ul>
    </div>
  );
}
