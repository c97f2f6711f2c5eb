/** Numbers in the user's language: 18.139.116 in German, 18,139,116 in English. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE').format(value);
}
