import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { centerOfMass } from '@turf/center-of-mass';
import type { Driver } from 'neo4j-driver';
import { computeBorders } from './geometry/adjacency';
import { simplifiedBoundaries } from './geometry/boundaries';
import { generateCooperations } from './generate/cooperations';
import { GraphWriter, type Progress } from './load/writer';
import type { BorderRecord, CooperationRecord, MunicipalityRecord, TaskAreaRecord } from './model';
import { ImportReport } from './report';
import { searchName } from './search-name';
import { parseGv100ad } from './sources/gv100ad';
import { parseIkz } from './sources/ikz';
import { parseTaxonomy } from './sources/taxonomy';
import { parseVg250 } from './sources/vg250';

export type Scope = 'nrw' | 'de';

/**
 * Raised whenever the import writes something new (v2: web boundaries, v3: COOPERATES_WITH projection). A database imported by an older version
 * is brought up to date at start, since the import is idempotent.
 */
export const IMPORT_VERSION = 3;

export const TAXONOMY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'taxonomy', 'task-areas.json');

/** The official files an import reads, relative to the data directory. */
export const DATA_FILES = {
  register: 'destatis/GV100AD_301123.txt',
  boundaries: { nrw: 'vg250/nrw_gemeinden_vg250_2016.geojson', de: 'vg250/de_gemeinden_vg250_2016_sim200m.geojson' },
  cooperations: 'ikz/ikz_seed_kooperationen.csv',
  members: 'ikz/ikz_seed_mitglieder.csv',
} as const;

export interface ImportOptions {
  driver: Driver;
  database?: string;
  dataDir: string;
  scope?: Scope;
  /** Include the synthetic cooperations (default true). */
  generated?: boolean;
  seed?: number;
  progress?: Progress;
  /** Override single files (tests feed deliberately broken ones). */
  files?: Partial<{ register: string; boundaries: string; cooperations: string; members: string; taxonomy: string }>;
}

/** A missing or unreadable data directory: one clear message naming what is missing and where. */
export class DataDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirectoryError';
  }
}

/** Everything an import would write, read and checked from the files, before anything touches Neo4j. */
export interface PreparedData {
  scope: Scope;
  seed: number;
  report: ImportReport;
  register: ReturnType<typeof parseGv100ad>;
  municipalities: MunicipalityRecord[];
  borders: BorderRecord[];
  taskAreas: TaskAreaRecord[];
  researched: CooperationRecord[];
  generated: CooperationRecord[] | null;
  neighbourPairShare: number | null;
  started: number;
}

export async function importData(options: ImportOptions): Promise<ImportReport> {
  return writeData(options, prepareData(options));
}

export function prepareData(options: Omit<ImportOptions, 'driver'>): PreparedData {
  const scope = options.scope ?? 'nrw';
  const stateKeys = scope === 'nrw' ? ['05'] : [];
  const seed = options.seed ?? 2024;
  const report = new ImportReport();
  const started = Date.now();
  const lap = (name: string, since: number) => report.timings.set(name, Date.now() - since);

  const files = {
    register: options.files?.register ?? path.join(options.dataDir, DATA_FILES.register),
    boundaries: options.files?.boundaries ?? path.join(options.dataDir, DATA_FILES.boundaries[scope]),
    cooperations: options.files?.cooperations ?? path.join(options.dataDir, DATA_FILES.cooperations),
    members: options.files?.members ?? path.join(options.dataDir, DATA_FILES.members),
    taxonomy: options.files?.taxonomy ?? TAXONOMY_FILE,
  };
  const missing = Object.values(files).filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new DataDirectoryError(
      `data files missing: ${missing.join(', ')} — point KA_DATA_DIR (or --data-dir) at a folder with the BKG VG250 and Destatis GV100AD files (see README)`,
    );
  }
  const name = (file: string) => path.relative(process.cwd(), file) || file;

  let since = Date.now();
  const register = parseGv100ad(fs.readFileSync(files.register, 'utf8'), name(files.register), report, stateKeys);
  const boundaries = parseVg250(fs.readFileSync(files.boundaries, 'utf8'), name(files.boundaries), report, stateKeys);
  const taskAreas = parseTaxonomy(fs.readFileSync(files.taxonomy, 'utf8'), name(files.taxonomy), report);
  lap('parse', since);

  // Join polygons and register on the AGS. The register (2023) is authoritative for what exists.
  since = Date.now();
  const registerByAgs = new Map(register.municipalities.map((m) => [m.ags, m]));
  const boundaryByAgs = new Map(boundaries.map((b) => [b.ags, b]));
  const joined = boundaries.filter((boundary) => {
    if (registerByAgs.has(boundary.ags)) return true;
    report.problem(name(files.boundaries), boundary.location, `unknown AGS ${boundary.ags} (${boundary.shortName}): no entry in the register, e.g. merged since 2016`);
    return false;
  });
  const municipalities: MunicipalityRecord[] = register.municipalities.map((entry) => {
    const boundary = boundaryByAgs.get(entry.ags);
    const centre = boundary ? centerOfMass(boundary.feature).geometry.coordinates : null;
    const shortName = boundary?.shortName || entry.name.split(',')[0]!;
    return {
      ...entry,
      shortName,
      searchName: searchName(shortName),
      density: entry.areaKm2 > 0 ? Math.round((entry.population / entry.areaKm2) * 10) / 10 : 0,
      centroid: centre ? { longitude: Math.round(centre[0]! * 1e6) / 1e6, latitude: Math.round(centre[1]! * 1e6) / 1e6 } : null,
    };
  });
  const withoutPolygon = municipalities.filter((m) => !m.centroid && m.type !== 'GEMEINDEFREIES_GEBIET');
  if (withoutPolygon.length > 0) report.note(`${withoutPolygon.length} register municipalities have no boundary polygon (newer than the 2016 boundaries): imported without centroid and borders`);
  const borders = computeBorders(joined);
  const webShapes = simplifiedBoundaries(joined);
  for (const municipality of municipalities) municipality.boundary = webShapes.get(municipality.ags) ?? null;
  lap('geometry', since);

  // Real cooperations; members must exist in the imported graph, members outside the scope are left out.
  const ikz = parseIkz(
    fs.readFileSync(files.cooperations, 'utf8'),
    fs.readFileSync(files.members, 'utf8'),
    { cooperations: name(files.cooperations), members: name(files.members) },
    new Set(taskAreas.map((t) => t.id)),
    report,
  );
  const municipalityKeys = new Set(municipalities.map((m) => m.ags));
  const districtKeys = new Set(register.districts.map((d) => d.key));
  const cooperationKeys = new Set(ikz.cooperations.map((c) => c.id));
  const inScope = (key: string) => stateKeys.length === 0 || stateKeys.includes(key.slice(0, 2));
  const researched: CooperationRecord[] = [];
  for (const cooperation of ikz.cooperations) {
    const members = cooperation.members.filter((member) => {
      if (member.kind === 'COOPERATION') {
        if (cooperationKeys.has(member.key)) return true;
        report.problem(name(files.members), member.line ?? '?', `member ${member.key} of ${cooperation.id} is not a known cooperation`);
        return false;
      }
      if (!inScope(member.key)) return false;
      const exists = member.kind === 'MUNICIPALITY' ? municipalityKeys.has(member.key) : districtKeys.has(member.key);
      if (!exists) report.problem(name(files.members), member.line ?? '?', `member ${member.key} of ${cooperation.id} does not exist (unknown ${member.kind === 'MUNICIPALITY' ? 'AGS' : 'Kreis key'})`);
      return exists;
    });
    if (cooperation.members.length > 0 && members.length === 0) {
      report.note(`${cooperation.id} (${cooperation.name}) lies outside the import scope: left out`);
      continue;
    }
    researched.push({ ...cooperation, members });
  }

  since = Date.now();
  const generated = options.generated === false ? null : generateCooperations({ municipalities, districts: register.districts, borders, taskAreas, researched, seed });
  lap('generate', since);
  if (generated) report.note(`generator: seed ${seed}, ${generated.cooperations.length} cooperations, ${(generated.neighbourPairShare * 100).toFixed(0)} % of member pairs are direct neighbours`);

  return {
    scope,
    seed,
    report,
    register,
    municipalities,
    borders,
    taskAreas,
    researched,
    generated: generated?.cooperations ?? null,
    neighbourPairShare: generated?.neighbourPairShare ?? null,
    started,
  };
}

/** Writes prepared data in batches; MERGE on every key makes it idempotent. */
export async function writeData(options: Pick<ImportOptions, 'driver' | 'database' | 'progress'>, data: PreparedData): Promise<ImportReport> {
  const { report, register, municipalities, borders, taskAreas, researched, generated, scope, seed } = data;
  const since = Date.now();
  const writer = new GraphWriter(options.driver, options.database ?? 'neo4j', options.progress);
  await writer.writeStates(register.states);
  await writer.writeRegions(register.regions);
  await writer.writeDistricts(register.districts);
  await writer.writeMunicipalities(municipalities);
  await writer.writeBorders(borders);
  await writer.writeTaskAreas(taskAreas);
  const skippedResearched = await writer.writeCooperations('Kooperationen (recherchiert)', researched);
  const skippedGenerated = generated ? await writer.writeCooperations('Kooperationen (generiert)', generated) : 0;
  await writer.writeCooperationLinks();
  if (skippedResearched + skippedGenerated > 0) report.note(`${skippedResearched + skippedGenerated} cooperations kept as they were: a record of another provenance has the same id`);
  await writer.writeDataset({
    importVersion: IMPORT_VERSION,
    scope,
    gebietsstand: register.gebietsstand,
    populationDate: register.municipalities[0]?.populationDate ?? null,
    generatorSeed: generated ? seed : null,
    neighbourPairShare: data.neighbourPairShare,
  });
  report.timings.set('write', Date.now() - since);

  for (const [key, value] of await writer.counts()) report.count(key, value);
  report.timings.set('total', Date.now() - data.started);
  return report;
}
