/** One bad input row: where it is and why it was not imported. */
export interface Problem {
  file: string;
  /** 1-based line, or a feature number for single-line GeoJSON. */
  location: string;
  reason: string;
}

/**
 * Collects what an import did. Problems are rows that were left out; the rest of the file is still imported,
 * and the CLI exits non-zero when there is any (a partial import).
 */
export class ImportReport {
  readonly problems: Problem[] = [];
  readonly notes: string[] = [];
  readonly counts = new Map<string, number>();
  readonly timings = new Map<string, number>();

  problem(file: string, location: string | number, reason: string): void {
    this.problems.push({ file, location: String(location), reason });
  }

  note(line: string): void {
    this.notes.push(line);
  }

  count(key: string, value: number): void {
    this.counts.set(key, value);
  }

  /** Problem lines in the `file:line: reason` form editors and CI logs link to. */
  problemLines(): string[] {
    return this.problems.map((p) => `${p.file}:${p.location}: ${p.reason}`);
  }
}
