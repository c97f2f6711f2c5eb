const locale = (language: string) => (language === 'en' ? 'en-GB' : 'de-DE');

/** Numbers in the user's language: 18.139.116 in German, 18,139,116 in English. */
export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(language), options).format(value);
}

/** Whole euros: 175.000 € in German, €175,000 in English. */
export function formatEur(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

/**
 * A date the register may know only in part: "2018-11-27" → 27.11.2018, "2018-12" → Dezember 2018, "2019" → 2019.
 * Anything else is shown as it came.
 */
export function formatPartialDate(value: string, language: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  if (!month) return year!;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  return new Intl.DateTimeFormat(
    locale(language),
    day ? { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' } : { timeZone: 'UTC', month: 'long', year: 'numeric' },
  ).format(date);
}

/** The host of a source address without "www.", to say where a link goes: "duesseldorf.de". */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
