import type { Confidence, DevelopmentRegionRecord } from '../model';
import type { ImportReport } from '../report';
import { CONFIDENCE, isHttpUrl, readCsv } from './csv';

const AGS = /^\d{8}$/;
const REGION_ID = /^[A-Z]+\d+$/;
/** The programmes in regionen.csv (`art`); "other" is what the file uses for areas outside these programmes. */
const REGION_KIND = /^(LEADER \d{4}-\d{4}|VITAL\.NRW|ILEK|REGIONALE|other)$/;
const PARTIAL: Record<string, boolean> = { ja: true, nein: false, '': false };

export interface Altkreis {
  altkreis: string;
  confidence: Confidence;
}

/**
 * altkreise.csv: for each NRW municipality the Kreis (or kreisfreie Stadt) its main town belonged to before the
 * 1966–1975 territorial reform. `municipalities` holds the AGS that exist in the imported graph.
 */
export function parseAltkreise(text: string, file: string, report: ImportReport, municipalities: Set<string>): Map<string, Altkreis> {
  const result = new Map<string, Altkreis>();
  for (const { line, row } of readCsv(text, file, report, ['ags', 'altkreis', 'konfidenz'])) {
    const ags = row.ags ?? '';
    const confidence = CONFIDENCE[(row.konfidenz ?? '').toLowerCase()];
    const reason = !AGS.test(ags)
      ? `malformed AGS "${ags}"`
      : !municipalities.has(ags)
        ? `unknown AGS ${ags}`
        : result.has(ags)
          ? `duplicate AGS ${ags}`
          : !row.altkreis
            ? 'altkreis is empty'
            : !confidence
              ? `unknown konfidenz "${row.konfidenz}" (sicher, mittel or unsicher)`
              : null;
    if (reason) {
      report.problem(file, line, reason);
      continue;
    }
    result.set(ags, { altkreis: row.altkreis!, confidence: confidence! });
  }
  return result;
}

/** regionen.csv and region_mitglieder.csv: LEADER, VITAL.NRW, ILEK and REGIONALE areas and their municipalities. */
export function parseRegionen(
  regionsCsv: string,
  membersCsv: string,
  files: { regions: string; members: string },
  report: ImportReport,
  municipalities: Set<string>,
): DevelopmentRegionRecord[] {
  const byId = new Map<string, DevelopmentRegionRecord>();
  for (const { line, row } of readCsv(regionsCsv, files.regions, report, ['region_id', 'name', 'art', 'quelle_url', 'konfidenz'])) {
    const id = row.region_id ?? '';
    const confidence = CONFIDENCE[(row.konfidenz ?? '').toLowerCase()];
    const reason = !REGION_ID.test(id)
      ? `malformed region id "${id}"`
      : byId.has(id)
        ? `duplicate region id ${id}`
        : !row.name
          ? 'name is empty'
          : !REGION_KIND.test(row.art ?? '')
            ? `unknown art "${row.art}" (LEADER YYYY-YYYY, VITAL.NRW, ILEK, REGIONALE or other)`
            : !isHttpUrl(row.quelle_url ?? '')
              ? row.quelle_url
                ? 'source URL is not an http(s) URL'
                : 'no source URL'
              : !confidence
                ? `unknown konfidenz "${row.konfidenz}" (sicher, mittel or unsicher)`
                : null;
    if (reason) {
      report.problem(files.regions, line, reason);
      continue;
    }
    byId.set(id, { id, name: row.name!, kind: row.art!, sourceUrl: row.quelle_url!, confidence: confidence!, remark: row.hinweis || null, members: [] });
  }

  const seen = new Set<string>();
  for (const { line, row } of readCsv(membersCsv, files.members, report, ['region_id', 'ags', 'teilweise'])) {
    const region = byId.get(row.region_id ?? '');
    const ags = row.ags ?? '';
    const partial = PARTIAL[(row.teilweise ?? '').toLowerCase()];
    const reason = !region
      ? `member of unknown region "${row.region_id}"`
      : !AGS.test(ags)
        ? `malformed AGS "${ags}"`
        : !municipalities.has(ags)
          ? `unknown AGS ${ags} in region ${row.region_id}`
          : partial === undefined
            ? `teilweise must be ja or nein, not "${row.teilweise}"`
            : seen.has(`${row.region_id}|${ags}`)
              ? `duplicate member ${ags} of region ${row.region_id}`
              : null;
    if (reason) {
      report.problem(files.members, line, reason);
      continue;
    }
    seen.add(`${row.region_id}|${ags}`);
    region!.members.push({ ags, partial: partial!, line });
  }
  return [...byId.values()];
}
