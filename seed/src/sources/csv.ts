import { parse } from 'csv-parse/sync';
import type { Confidence } from '../model';
import type { ImportReport } from '../report';

export type Row = Record<string, string>;

/** The hand-compiled tables rate each record sicher / mittel / unsicher. */
export const CONFIDENCE: Record<string, Confidence> = { sicher: 'HIGH', mittel: 'MEDIUM', unsicher: 'LOW' };

export const isHttpUrl = (value: string): boolean => /^https?:\/\/\S+$/.test(value);

/**
 * A CSV file with a header line, each row with the line it came from so a problem names it. A row with more or
 * fewer fields than the header is a problem of its own (a stray comma would otherwise shift every column after
 * it); so is a file that does not parse at all or lacks a required column. A generator, so that the caller's
 * problems and these come out in the order of the lines.
 */
export function* readCsv(text: string, file: string, report: ImportReport, required: string[]): Generator<{ line: number; row: Row }> {
  let records: Array<{ info: { lines: number }; record: string[] }>;
  try {
    // Files edited on different systems mix CRLF and LF; one line ending keeps records and line numbers right.
    records = parse(text.replace(/\r\n?/g, '\n'), {
      skip_empty_lines: true,
      info: true,
      bom: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    report.problem(file, (error as { lines?: number }).lines ?? 1, `CSV does not parse (${(error as Error).message})`);
    return;
  }
  const [head, ...body] = records;
  if (!head) return;
  const header = head.record;
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    report.problem(file, 1, `missing column(s) ${missing.join(', ')}`);
    return;
  }
  for (const { info, record } of body) {
    if (record.length !== header.length) {
      report.problem(file, info.lines, `malformed line: ${record.length} fields instead of ${header.length}`);
      continue;
    }
    yield { line: info.lines, row: Object.fromEntries(header.map((column, i) => [column, record[i]!])) };
  }
}
