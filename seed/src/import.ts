import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { centerOfMass } from '@turf/center-of-mass';
import type { Driver } from 'neo4j-driver';
import { computeBorders } from './geometry/adjacency';
import { simplifiedBoundaries } from './geometry/boundaries';
import { selectCrossBorder } from './geometry/cross-border';
import { generateCooperations } from './generate/cooperations';
import { GraphWriter, type Progress } from './load/writer';
import type {
  BorderRecord,
  CooperationRecord,
  DatasetKind,
  DevelopmentRegionRecord,
  DistrictRecord,
  MunicipalityRecord,
  RegionRecord,
  RegisterMunicipality,
  StateRecord,
  TaskAreaRecord,
} from './model';
import { ImportReport } from './report';
import { searchName } from './search-name';
import { parseGv100ad } from './sources/gv100ad';
import { parseIkz } from './sources/ikz';
import { parseAltkreise, parseRegionen } from './sources/regionen';
import { parseTaxonomy } from './sources/taxonomy';
import { parseVg250, type BoundaryFeature } from './sources/vg250';

export type Scope = 'nrw' | 'de';

/**
 * Raised whenever the import writes something new (v2: web boundaries, v3: COOPERATES_WITH projection, v4: the
 * register of real cooperations instead of generated ones, development regions, Altkreise, cross-border
 * neighbours, v5: verifiedAt on every register record). A database imported by an older version is brought up to
 * date at start.
 */
export const IMPORT_VERSION = 5;

export const TAXONOMY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'taxonomy', 'task-areas.json');

/** The Land the product is for, and the Länder next to it whose municipalities come in as partner candidates. */
const HOME_STATE = '05';
const NEIGHBOUR_STATES = ['03', '06', '07'];
/** How far (in borders) beyond the Land border municipalities are imported. */
const CROSS_BORDER_HOPS = 2;
/**
 * The Germany file is already simplified (200 m); keeping 60 % of its points gives the cross-border shapes about
 * the point density of the NRW web shapes (12 % of the full-resolution NRW file).
 */
const CROSS_BORDER_WEB_KEEP = 0.6;

/** The official files an import reads, relative to the data directory. */
export const DATA_FILES = {
  register: 'destatis/GV100AD_301123.txt',
  boundaries: { nrw: 'vg250/nrw_gemeinden_vg250_2016.geojson', de: 'vg250/de_gemeinden_vg250_2016_sim200m.geojson' },
  cooperations: 'ikz/register_kooperationen.csv',
  members: 'ikz/register_mitglieder.csv',
  altkreise: 'regionen/altkreise.csv',
  regions: 'regionen/regionen.csv',
  regionMembers: 'regionen/region_mitglieder.csv',
} as const;

type FileKey = 'register' | 'boundaries' | 'neighbourBoundaries' | 'cooperations' | 'members' | 'altkreise' | 'regions' | 'regionMembers' | 'taxonomy';

export interface ImportOptions {
  driver: Driver;
  database?: string;
  dataDir: string;
  scope?: Scope;
  /**
   * An entirely generated dataset for scale tests and benchmarks, instead of the register of real cooperations.
   * The two are never mixed in one database (see `DatasetConflictError`).
   */
  synthetic?: boolean;
  /** Seed of the generator (synthetic datasets only). */
  seed?: number;
  /** Delete the whole graph (all but the migration records) before writing. */
  wipe?: boolean;
  progress?: Progress;
  /**
   * Override single files (tests feed deliberately broken ones). `boundaries` is the scope's own polygon file;
   * `neighbourBoundaries` the Germany file the cross-border neighbours of scope nrw come from.
   */
  files?: Partial<Record<FileKey, string>>;
}

/** A missing or unreadable data directory: one clear message naming what is missing and where. */
export class DataDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirectoryError';
  }
}

/** The database holds another kind or scope of dataset; writing into it would mix them. Nothing was written. */
export class DatasetConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetConflictError';
  }
}

/** Everything an import would write, read and checked from the files, before anything touches Neo4j. */
export interface PreparedData {
  scope: Scope;
  kind: DatasetKind;
  /** The generator seed; null for the register. */
  seed: number | null;
  report: ImportReport;
  gebietsstand: string;
  populationDate: string | null;
  /** The scope's own Länder, Regierungsbezirke, Kreise and municipalities. */
  states: StateRecord[];
  regions: RegionRecord[];
  districts: DistrictRecord[];
  municipalities: MunicipalityRecord[];
  /** Scope nrw: municipalities of the neighbouring Länder near NRW, their Kreise and Länder (label CrossBorder). */
  crossBorder: { states: StateRecord[]; districts: DistrictRecord[]; municipalities: MunicipalityRecord[] };
  /** Within the scope from its own polygons, plus those across the Land border and among the neighbours. */
  borders: BorderRecord[];
  taskAreas: TaskAreaRecord[];
  cooperations: CooperationRecord[];
  developmentRegions: DevelopmentRegionRecord[];
  neighbourPairShare: number | null;
  started: number;
}

export async function importData(options: ImportOptions): Promise<ImportReport> {
  return writeData(options, prepareData(options));
}

const rounded = (value: number) => Math.round(value * 1e6) / 1e6;

function municipalityRecord(entry: RegisterMunicipality, boundary: BoundaryFeature | undefined): MunicipalityRecord {
  const centre = boundary ? centerOfMass(boundary.feature).geometry.coordinates : null;
  const shortName = boundary?.shortName || entry.name.split(',')[0]!;
  return {
    ...entry,
    shortName,
    searchName: searchName(shortName),
    density: entry.areaKm2 > 0 ? Math.round((entry.population / entry.areaKm2) * 10) / 10 : 0,
    centroid: centre ? { longitude: rounded(centre[0]!), latitude: rounded(centre[1]!) } : null,
    boundary: null,
    altkreis: null,
    altkreisConfidence: null,
  };
}

export function prepareData(options: Omit<ImportOptions, 'driver'>): PreparedData {
  const scope = options.scope ?? 'nrw';
  const synthetic = options.synthetic ?? false;
  const withNeighbours = scope === 'nrw';
  const homeKeys = scope === 'nrw' ? [HOME_STATE] : [];
  const isHome = (key: string) => homeKeys.length === 0 || homeKeys.includes(key.slice(0, 2));
  const seed = options.seed ?? 2024;
  const report = new ImportReport();
  const started = Date.now();
  const lap = (name: string, since: number) => report.timings.set(name, Date.now() - since);

  const file = (key: FileKey, relative: string) => options.files?.[key] ?? path.join(options.dataDir, relative);
  const files: Partial<Record<FileKey, string>> = {
    register: file('register', DATA_FILES.register),
    boundaries: file('boundaries', DATA_FILES.boundaries[scope]),
    altkreise: file('altkreise', DATA_FILES.altkreise),
    regions: file('regions', DATA_FILES.regions),
    regionMembers: file('regionMembers', DATA_FILES.regionMembers),
    taxonomy: options.files?.taxonomy ?? TAXONOMY_FILE,
    // A synthetic dataset is entirely generated: it does not need the register of cooperations.
    ...(synthetic ? {} : { cooperations: file('cooperations', DATA_FILES.cooperations), members: file('members', DATA_FILES.members) }),
    ...(withNeighbours ? { neighbourBoundaries: file('neighbourBoundaries', DATA_FILES.boundaries.de) } : {}),
  };
  const missing = Object.values(files).filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new DataDirectoryError(
      `data files missing: ${missing.join(', ')} — point KA_DATA_DIR (or --data-dir) at a folder with the BKG VG250 and Destatis GV100AD files and the project's ikz/ and regionen/ tables (see README)`,
    );
  }
  const name = (f: string) => path.relative(process.cwd(), f) || f;
  const read = (key: FileKey) => fs.readFileSync(files[key]!, 'utf8');

  let since = Date.now();
  const register = parseGv100ad(read('register'), name(files.register!), report, withNeighbours ? [HOME_STATE, ...NEIGHBOUR_STATES] : []);
  const boundaries = parseVg250(read('boundaries'), name(files.boundaries!), report, homeKeys);
  const taskAreas = parseTaxonomy(read('taxonomy'), name(files.taxonomy!), report);
  lap('parse', since);

  // Join polygons and register on the AGS. The register (2023) is authoritative for what exists.
  since = Date.now();
  const registerByAgs = new Map(register.municipalities.map((m) => [m.ags, m]));
  const boundaryByAgs = new Map(boundaries.map((b) => [b.ags, b]));
  const joined = boundaries.filter((boundary) => {
    if (registerByAgs.has(boundary.ags)) return true;
    report.problem(
      name(files.boundaries!),
      boundary.location,
      `unknown AGS ${boundary.ags} (${boundary.shortName}): no entry in the register, e.g. merged since 2016`,
    );
    return false;
  });
  const municipalities = register.municipalities.filter((m) => isHome(m.ags)).map((entry) => municipalityRecord(entry, boundaryByAgs.get(entry.ags)));
  const withoutPolygon = municipalities.filter((m) => !m.centroid && m.type !== 'GEMEINDEFREIES_GEBIET');
  if (withoutPolygon.length > 0)
    report.note(
      `${withoutPolygon.length} register municipalities have no boundary polygon (newer than the 2016 boundaries): imported without centroid and borders`,
    );
  const homeBorders = computeBorders(joined);
  const webShapes = simplifiedBoundaries(joined);
  for (const municipality of municipalities) municipality.boundary = webShapes.get(municipality.ags) ?? null;
  lap('geometry', since);

  // Scope nrw: the municipalities of the neighbouring Länder within two borders of NRW, as partner candidates.
  since = Date.now();
  const crossBorder: PreparedData['crossBorder'] = { states: [], districts: [], municipalities: [] };
  const crossBorders: BorderRecord[] = [];
  if (withNeighbours) {
    const germanyFile = name(files.neighbourBoundaries!);
    const germany = parseVg250(read('neighbourBoundaries'), germanyFile, report, [HOME_STATE, ...NEIGHBOUR_STATES]);
    // NRW's borders with its neighbours come from the Germany file, where both sides share vertices; the NRW file
    // is at full resolution and does not match the simplified polygons of the other Länder.
    const selection = selectCrossBorder(germany, (ags) => ags.startsWith(HOME_STATE), CROSS_BORDER_HOPS);
    const merged: string[] = [];
    const unincorporated: string[] = [];
    const kept: BoundaryFeature[] = [];
    for (const { unit } of selection.selected) {
      const entry = registerByAgs.get(unit.ags);
      if (!entry) merged.push(`${unit.shortName} (${unit.ags})`);
      else if (entry.type === 'GEMEINDEFREIES_GEBIET') unincorporated.push(entry.name.split(',')[0]!);
      else kept.push(unit);
    }
    if (merged.length > 0)
      report.note(
        `${merged.length} polygon(s) of 2016 near NRW have no municipality in the 2023 register (merged since; their successors have no polygon): left out: ${merged.join(', ')}`,
      );
    if (unincorporated.length > 0)
      report.note(`${unincorporated.length} unincorporated area(s) near NRW left out (no municipality to cooperate with): ${unincorporated.join(', ')}`);
    const shapes = simplifiedBoundaries(kept, CROSS_BORDER_WEB_KEEP);
    crossBorder.municipalities = kept.map((unit) => ({
      ...municipalityRecord(registerByAgs.get(unit.ags)!, unit),
      regionKey: null,
      boundary: shapes.get(unit.ags) ?? null,
    }));
    // Only NRW's Regierungsbezirke are part of the graph: the neighbours' Kreise hang directly below their Land.
    const districtKeys = new Set(crossBorder.municipalities.map((m) => m.districtKey));
    crossBorder.districts = register.districts.filter((d) => districtKeys.has(d.key)).map((d) => ({ ...d, regionKey: null }));
    const stateKeys = new Set(crossBorder.districts.map((d) => d.stateKey));
    crossBorder.states = register.states.filter((s) => stateKeys.has(s.key));
    const importedAgs = new Set([...municipalities.map((m) => m.ags), ...crossBorder.municipalities.map((m) => m.ags)]);
    crossBorders.push(...selection.borders.filter((b) => importedAgs.has(b.a) && importedAgs.has(b.b)));
    const perState = Object.fromEntries(crossBorder.states.map((s) => [s.name, crossBorder.municipalities.filter((m) => m.stateKey === s.key).length]));
    report.note(
      `cross-border neighbours within ${CROSS_BORDER_HOPS} borders of NRW: ${Object.entries(perState)
        .map(([state, n]) => `${n} in ${state}`)
        .join(', ')}`,
    );
  }
  lap('neighbours', since);

  const allMunicipalities = new Set([...municipalities, ...crossBorder.municipalities].map((m) => m.ags));

  // Administrative history and regional development areas (NRW).
  const altkreise = parseAltkreise(read('altkreise'), name(files.altkreise!), report, new Set(municipalities.map((m) => m.ags)));
  for (const municipality of municipalities) {
    const entry = altkreise.get(municipality.ags);
    municipality.altkreis = entry?.altkreis ?? null;
    municipality.altkreisConfidence = entry?.confidence ?? null;
  }
  const nrwWithout = municipalities.filter((m) => m.stateKey === HOME_STATE && !m.altkreis).length;
  if (nrwWithout > 0) report.note(`${nrwWithout} NRW municipalities have no Altkreis in ${name(files.altkreise!)}`);
  const developmentRegions = parseRegionen(
    read('regions'),
    read('regionMembers'),
    { regions: name(files.regions!), members: name(files.regionMembers!) },
    report,
    allMunicipalities,
  );

  const districts = register.districts.filter((d) => isHome(d.key));
  const cooperations: CooperationRecord[] = [];
  let neighbourPairShare: number | null = null;
  if (!synthetic) {
    // The register of real cooperations; members must exist in the imported graph, members outside the scope are left out.
    const ikz = parseIkz(
      read('cooperations'),
      read('members'),
      { cooperations: name(files.cooperations!), members: name(files.members!) },
      new Set(taskAreas.map((t) => t.id)),
      report,
    );
    const districtKeys = new Set([...districts, ...crossBorder.districts].map((d) => d.key));
    const cooperationKeys = new Set(ikz.cooperations.map((c) => c.id));
    const membersFile = name(files.members!);
    let outOfScope = 0;
    // A named member across the Land border that the import now holds (e.g. "Diemelsee (Hessen)") is linked to it,
    // so that the ranking knows the tie; only an unambiguous match by name counts, anything else stays external.
    const normalise = (text: string) =>
      text
        .toLowerCase()
        .replace(/\((hessen|niedersachsen|rheinland-pfalz|nds\.?|rlp)\)/g, '')
        .replace(/^(stadt|gemeinde|landkreis|eifelkreis|kreis)\s+/, '')
        .replace(/,\s*(stadt|gemeinde|hansestadt)\b/, '')
        .replace(/\s+/g, ' ')
        .trim();
    const byName = new Map<string, Array<{ kind: 'MUNICIPALITY' | 'DISTRICT'; key: string }>>();
    const addName = (text: string, entry: { kind: 'MUNICIPALITY' | 'DISTRICT'; key: string }) => {
      const list = byName.get(normalise(text)) ?? [];
      if (!list.some((e) => e.key === entry.key)) list.push(entry);
      byName.set(normalise(text), list);
    };
    for (const m of crossBorder.municipalities) addName(m.shortName, { kind: 'MUNICIPALITY', key: m.ags });
    for (const d of crossBorder.districts) addName(d.name, { kind: 'DISTRICT', key: d.key });
    let linked = 0;
    for (const cooperation of ikz.cooperations) {
      cooperation.members = cooperation.members.map((member) => {
        if (member.kind !== 'EXTERNAL') return member;
        const matches = byName.get(normalise(member.key)) ?? [];
        if (matches.length !== 1 || cooperation.members.some((m) => m.key === matches[0]!.key)) return member;
        linked++;
        return { ...member, kind: matches[0]!.kind, key: matches[0]!.key };
      });
    }
    if (linked > 0) report.note(`${linked} external member(s) linked by name to municipalities or Kreise across the Land border`);
    for (const cooperation of ikz.cooperations) {
      const members = cooperation.members.filter((member) => {
        if (member.kind === 'EXTERNAL') return true;
        if (member.kind === 'COOPERATION') {
          if (cooperationKeys.has(member.key)) return true;
          report.problem(membersFile, member.line ?? '?', `member ${member.key} of ${cooperation.id} is not a known cooperation`);
          return false;
        }
        if (member.kind === 'MUNICIPALITY' ? allMunicipalities.has(member.key) : districtKeys.has(member.key)) return true;
        // A municipality or Kreis of another Land that the scope does not hold is no error in the file.
        if (isHome(member.key))
          report.problem(
            membersFile,
            member.line ?? '?',
            `member ${member.key} of ${cooperation.id} does not exist (unknown ${member.kind === 'MUNICIPALITY' ? 'AGS' : 'Kreis key'})`,
          );
        else outOfScope++;
        return false;
      });
      if (cooperation.members.length > 0 && members.length === 0) {
        report.note(`${cooperation.id} (${cooperation.name}) lies outside the import scope: left out`);
        continue;
      }
      cooperations.push({ ...cooperation, members });
    }
    if (outOfScope > 0) report.note(`${outOfScope} member(s) in Länder outside the import scope left out`);
  } else {
    // Entirely generated, calibrated on the scope's own municipalities (never on the cross-border ones).
    since = Date.now();
    const generated = generateCooperations({ municipalities, districts, borders: homeBorders, taskAreas, researched: [], seed });
    lap('generate', since);
    cooperations.push(...generated.cooperations);
    neighbourPairShare = generated.neighbourPairShare;
    report.note(
      `synthetic dataset: seed ${seed}, ${generated.cooperations.length} generated cooperations, ${(generated.neighbourPairShare * 100).toFixed(0)} % of member pairs are direct neighbours`,
    );
  }

  return {
    scope,
    kind: synthetic ? 'SYNTHETIC' : 'REGISTER',
    seed: synthetic ? seed : null,
    report,
    gebietsstand: register.gebietsstand,
    populationDate: municipalities[0]?.populationDate ?? null,
    states: register.states.filter((s) => isHome(s.key)),
    regions: register.regions.filter((r) => isHome(r.key)),
    districts,
    municipalities,
    crossBorder,
    borders: [...homeBorders, ...crossBorders],
    taskAreas,
    cooperations,
    developmentRegions,
    neighbourPairShare,
    started,
  };
}

/**
 * Writes prepared data in batches; MERGE on every key makes it idempotent. Refuses, before writing anything, a
 * database that holds another kind of dataset (real and generated cooperations are never mixed) or another scope,
 * unless `wipe` empties it first.
 */
export async function writeData(options: Pick<ImportOptions, 'driver' | 'database' | 'progress' | 'wipe'>, data: PreparedData): Promise<ImportReport> {
  const { report, scope, kind } = data;
  const since = Date.now();
  const writer = new GraphWriter(options.driver, options.database ?? 'neo4j', options.progress);
  if (options.wipe) {
    // What users entered exists nowhere else: a wipe (by hand, or at start after an old import) never deletes it.
    const userData = Object.entries(await writer.userData()).filter(([, n]) => n > 0);
    if (userData.length > 0) {
      throw new DatasetConflictError(
        `the database holds what users entered through the app (${userData.map(([key, n]) => `${n} ${key}`).join(', ')}): a wipe would delete it, so nothing was wiped or written; import without wiping (pnpm seed keeps records of provenance USER as they are), or use a new database`,
      );
    }
    report.note(`wipe: deleted ${await writer.wipe()} nodes before the import`);
  } else {
    const existing = await writer.existingDataset();
    const fix = 'wipe it first (pnpm seed --wipe, or wipe: true)';
    if (kind === 'SYNTHETIC' && existing.other > 0)
      throw new DatasetConflictError(
        `the database holds ${existing.other} real (non-generated) cooperations: a synthetic dataset is never written into it; ${fix}`,
      );
    if (kind === 'REGISTER' && existing.generated > 0)
      throw new DatasetConflictError(
        `the database holds ${existing.generated} generated cooperations: the register of real cooperations is never mixed with them; ${fix}`,
      );
    if (existing.kind && existing.kind !== kind) throw new DatasetConflictError(`the database holds a ${existing.kind} dataset, not a ${kind} one; ${fix}`);
    if (existing.scope && existing.municipalities > 0 && existing.scope !== scope)
      throw new DatasetConflictError(
        `the database holds scope ${existing.scope}, not ${scope}: one database holds one scope (the neighbours across the NRW border exist only in scope nrw); ${fix}`,
      );
  }
  await writer.writeStates(data.states);
  await writer.writeStates(data.crossBorder.states, true);
  await writer.writeRegions(data.regions);
  await writer.writeDistricts(data.districts);
  await writer.writeDistricts(data.crossBorder.districts, true);
  await writer.writeMunicipalities('Kommunen', data.municipalities);
  if (data.crossBorder.municipalities.length > 0) await writer.writeMunicipalities('Kommunen (Nachbarländer)', data.crossBorder.municipalities, true);
  await writer.writeBorders(data.borders);
  await writer.writeTaskAreas(data.taskAreas);
  const skipped = await writer.writeCooperations(kind === 'REGISTER' ? 'Kooperationen (Register)' : 'Kooperationen (synthetisch)', data.cooperations);
  if (skipped > 0) report.note(`${skipped} cooperations kept as they were: a record of another provenance has the same id`);
  await writer.writeDevelopmentRegions(data.developmentRegions);
  await writer.writeCooperationLinks();
  await writer.writeDataset({
    importVersion: IMPORT_VERSION,
    kind,
    scope,
    gebietsstand: data.gebietsstand,
    populationDate: data.populationDate,
    generatorSeed: data.seed,
    neighbourPairShare: data.neighbourPairShare,
  });
  report.timings.set('write', Date.now() - since);

  for (const [key, value] of await writer.counts()) report.count(key, value);
  report.timings.set('total', Date.now() - data.started);
  return report;
}
