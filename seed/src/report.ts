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

  /**
   * Problem lines in the `file:line: reason` form editors and CI logs link to, file by file (in the order the import
   * read them) and by line: a file's rows are checked in several passes (format, then against the graph).
   */
  problemLines(): string[] {
    const fileOrder = [...new Set(this.problems.map((p) => p.file))];
    const position = (location: string) => Number(/\d+/.exec(location)?.[0] ?? 0);
    return this.problems
      .map((p, index) => ({ p, index }))
      .sort((x, y) => fileOrder.indexOf(x.p.file) - fileOrder.indexOf(y.p.file) || position(x.p.location) - position(y.p.location) || x.index - y.index)
      .map(({ p }) => `${p.file}:${p.location}: ${p.reason}`);
  }
}
