import type { AssociationType, DistrictRecord, DistrictType, MunicipalityType, RegionRecord, RegisterMunicipality, StateRecord } from '../model';
import type { ImportReport } from '../report';

/**
 * The Destatis municipality register GV100AD: fixed-width lines of 220 characters, one record per line, the
 * record type (Satzart) in the first two. Offsets below count characters, not bytes: the file is UTF-8 and
 * names hold umlauts. Layout as documented by Destatis for GV100AD (Satzart 10/20/40/50/60).
 */
const LINE_LENGTH = 220;
export const POPULATION_DATE = '2022-12-31';

const MUNICIPALITY_TYPES: Record<string, MunicipalityType> = {
  '60': 'GEMEINDE', // Markt (Bavaria)
  '61': 'KREISFREIE_STADT',
  '62': 'KREISFREIE_STADT', // Stadtkreis (Baden-Württemberg)
  '63': 'STADT',
  '64': 'GEMEINDE',
  '65': 'GEMEINDEFREIES_GEBIET',
  '66': 'GEMEINDEFREIES_GEBIET',
  '67': 'STADT', // Große Kreisstadt
};

/** Satzart 50 Textkennzeichen; 50 (verbandsfreie Gemeinde) means the municipality belongs to no Gemeindeverband. */
const ASSOCIATION_TYPES: Record<string, AssociationType | null> = {
  '50': null,
  '51': 'AMT',
  '52': 'SAMTGEMEINDE',
  '53': 'VERBANDSGEMEINDE',
  '54': 'VERWALTUNGSGEMEINSCHAFT',
  '55': 'KIRCHSPIELSLANDGEMEINDE',
  '56': 'VERWALTUNGSVERBAND',
  '57': 'VERWALTUNGSGEMEINSCHAFT_TRAEGERMODELL',
  '58': 'ERFUELLENDE_GEMEINDE',
};

const DISTRICT_TYPES: Record<string, DistrictType> = {
  '41': 'KREISFREIE_STADT',
  '42': 'KREISFREIE_STADT',
  '43': 'KREIS',
  '44': 'LANDKREIS',
  '45': 'REGIONALVERBAND',
};

export interface Register {
  gebietsstand: string;
  states: StateRecord[];
  regions: RegionRecord[];
  districts: DistrictRecord[];
  municipalities: RegisterMunicipality[];
}

const field = (line: string, start: number, end: number): string => line.slice(start, end).trim();

/** Parses the register; `stateKeys` limits it to some Länder (e.g. ['05'] for NRW), empty means all. */
export function parseGv100ad(text: string, file: string, report: ImportReport, stateKeys: string[] = []): Register {
  const inScope = (key: string) => stateKeys.length === 0 || stateKeys.includes(key.slice(0, 2));
  const register: Register = { gebietsstand: '', states: [], regions: [], districts: [], municipalities: [] };
  const seenAgs = new Set<string>();
  // Gemeindeverbände by Kreis key + Verband key ([10:15] + [18:22]), joined to the Gemeinden after the pass.
  const associations = new Map<string, { name: string; type: AssociationType } | null>();
  const lines = text.split(/\r?\n/);

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.length === 0) return;
    if (line.length !== LINE_LENGTH) {
      report.problem(file, lineNo, `malformed line: ${line.length} characters instead of ${LINE_LENGTH}`);
      return;
    }
    const satzart = line.slice(0, 2);
    const gebietsstand = line.slice(2, 10);
    if (!/^\d{8}$/.test(gebietsstand)) {
      report.problem(file, lineNo, `malformed line: Gebietsstand "${gebietsstand}" is not a date`);
      return;
    }
    register.gebietsstand ||= `${gebietsstand.slice(0, 4)}-${gebietsstand.slice(4, 6)}-${gebietsstand.slice(6, 8)}`;
    const land = line.slice(10, 12);
    if (!inScope(land)) return;
    const name = field(line, 22, 72);

    switch (satzart) {
      case '10':
        register.states.push({ key: land, name });
        break;
      case '20':
        register.regions.push({ key: line.slice(10, 13), name, stateKey: land });
        break;
      case '40': {
        const key = line.slice(10, 15);
        const typeCode = line.slice(122, 124);
        const rb = line.slice(12, 13);
        let type = DISTRICT_TYPES[typeCode];
        if (!type) {
          report.problem(file, lineNo, `unknown Kreis type "${typeCode}" for ${key}`);
          return;
        }
        if (name.startsWith('Städteregion')) type = 'STAEDTEREGION';
        register.districts.push({ key, name, type, stateKey: land, regionKey: rb === '0' ? null : line.slice(10, 13) });
        break;
      }
      case '50': {
        const typeCode = line.slice(122, 124);
        if (!(typeCode in ASSOCIATION_TYPES)) {
          report.problem(file, lineNo, `unknown Gemeindeverband type "${typeCode}" for ${line.slice(10, 15)}${line.slice(18, 22)}`);
          return;
        }
        const type = ASSOCIATION_TYPES[typeCode]!;
        associations.set(line.slice(10, 15) + line.slice(18, 22), type ? { name, type } : null);
        break;
      }
      case '60': {
        const ags = line.slice(10, 18);
        if (!/^\d{8}$/.test(ags)) {
          report.problem(file, lineNo, `malformed AGS "${ags}"`);
          return;
        }
        if (seenAgs.has(ags)) {
          report.problem(file, lineNo, `duplicate AGS ${ags}`);
          return;
        }
        const typeCode = line.slice(122, 124);
        const type = MUNICIPALITY_TYPES[typeCode];
        const areaHa = Number(line.slice(128, 139));
        const populationText = field(line, 139, 150);
        const population = populationText === '' ? 0 : Number(populationText);
        if (!type) {
          report.problem(file, lineNo, `unknown Gemeindetyp "${typeCode}" for ${ags}`);
          return;
        }
        if (!Number.isFinite(areaHa) || !Number.isInteger(population) || population < 0) {
          report.problem(file, lineNo, `malformed area or population for ${ags}`);
          return;
        }
        seenAgs.add(ags);
        const rb = line.slice(12, 13);
        const postcode = field(line, 165, 170);
        register.municipalities.push({
          ags,
          ars: line.slice(10, 15) + line.slice(18, 22) + line.slice(15, 18),
          name,
          type,
          population,
          populationDate: POPULATION_DATE,
          areaKm2: Math.round(areaHa) / 100,
          postcode: /^\d{5}$/.test(postcode) ? postcode : null,
          districtKey: ags.slice(0, 5),
          regionKey: rb === '0' ? null : ags.slice(0, 3),
          stateKey: land,
          associationName: null,
          associationType: null,
        });
        break;
      }
      default:
        // Satzart 30 (Region, only Baden-Württemberg) is not part of our model.
        break;
    }
  });
  for (const municipality of register.municipalities) {
    const association = associations.get(municipality.ars.slice(0, 9));
    municipality.associationName = association?.name ?? null;
    municipality.associationType = association?.type ?? null;
  }
  return register;
}
