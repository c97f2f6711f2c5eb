/**
 * The form in which names are searched: lower case, umlauts and their two-letter spellings folded to the base
 * letter (ö and oe → o), ß → ss, the register's suffixes (", Stadt", ", Klingenstadt") and all punctuation
 * dropped. The same folding is applied to the stored names and to what the user types, so "koln", "Köln",
 * "Koeln" and "Köln, Stadt" all become "koln", and "muenster" finds "Münster".
 */
export function searchName(text: string): string {
  return text
    .split(',')[0]!
    .toLowerCase()
    .normalize('NFD')
    .replace(/a\u0308|ae/g, 'a')
    .replace(/o\u0308|oe/g, 'o')
    .replace(/u\u0308|ue/g, 'u')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
