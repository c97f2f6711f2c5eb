import type { LegalForm, TaskAreaRecord } from '../model';
import type { ImportReport } from '../report';

const LEGAL_FORMS: LegalForm[] = [
  'ZWECKVERBAND',
  'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
  'VERWALTUNGSVEREINBARUNG',
  'AOER',
  'GMBH',
  'ARBEITSGEMEINSCHAFT',
  'SHARED_SERVICE_CENTER',
  'OTHER',
];

/** Reads schema/taxonomy/task-areas.json, the project's own task-area taxonomy, and checks every entry. */
export function parseTaxonomy(text: string, file: string, report: ImportReport): TaskAreaRecord[] {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch (error) {
    report.problem(file, 1, `not valid JSON (${(error as Error).message})`);
    return [];
  }
  if (!Array.isArray(entries)) {
    report.problem(file, 1, 'expected an array of task areas');
    return [];
  }
  const seen = new Set<string>();
  const result: TaskAreaRecord[] = [];
  entries.forEach((entry: Partial<TaskAreaRecord>, index) => {
    const where = `entry ${index + 1}`;
    const reason =
      typeof entry.id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(entry.id)
        ? 'id must be a lower-case identifier'
        : seen.has(entry.id)
          ? `duplicate id ${entry.id}`
          : !entry.nameDe || !entry.nameEn
            ? 'nameDe and nameEn are required'
            : typeof entry.proximity !== 'number' || entry.proximity < 0 || entry.proximity > 1
              ? 'proximity must be between 0 and 1'
              : typeof entry.efficientScale !== 'number' || entry.efficientScale <= 0
                ? 'efficientScale must be a positive number of inhabitants'
                : entry.sizeFit !== 'COMPLEMENTARY' && entry.sizeFit !== 'SIMILAR'
                  ? 'sizeFit must be COMPLEMENTARY or SIMILAR'
                  : !Array.isArray(entry.typicalLegalForms) || !entry.typicalLegalForms.every((f) => LEGAL_FORMS.includes(f))
                    ? 'typicalLegalForms holds an unknown legal form'
                    : null;
    if (reason) {
      report.problem(file, where, reason);
      return;
    }
    seen.add(entry.id!);
    result.push({
      id: entry.id!,
      nameDe: entry.nameDe!,
      nameEn: entry.nameEn!,
      examplesDe: entry.examplesDe ?? '',
      productArea: entry.productArea ?? null,
      productAreaName: entry.productAreaName ?? null,
      proximity: entry.proximity!,
      efficientScale: entry.efficientScale!,
      sizeFit: entry.sizeFit!,
      typicalLegalForms: entry.typicalLegalForms!,
      generatorShare: entry.generatorShare ?? 1,
    });
  });
  return result;
}
