import seedrandom from 'seedrandom';
import type { BorderRecord, CooperationRecord, DistrictRecord, LegalForm, MembershipRecord, MunicipalityRecord, TaskAreaRecord } from '../model';

/**
 * Deterministic synthetic cooperations for everything the open sources do not list.
 *
 * Calibration (NRW; other scopes scale with the number of municipalities): about 1,500 öffentlich-rechtliche
 * Vereinbarungen and 250 Zweckverbände in total (the figures the state commissioner for IKZ publishes), plus
 * a few of the other legal forms. The researched records of each legal form count towards these totals.
 * Membership follows what the real records show: agreements are mostly a larger host doing a task for one or
 * two smaller neighbours or Kreis neighbours, associations grow as connected clusters, some are Kreis-wide,
 * and about half of all member pairs are direct neighbours.
 */
export const NRW_TOTALS: Record<LegalForm, number> = {
  OEFFENTLICH_RECHTLICHE_VEREINBARUNG: 1500,
  ZWECKVERBAND: 250,
  AOER: 30,
  GMBH: 25,
  ARBEITSGEMEINSCHAFT: 40,
  SHARED_SERVICE_CENTER: 15,
  OTHER: 0,
  // Kept last and at 0 so the seeded draws (and ids) of the other forms stay what they were.
  VERWALTUNGSVEREINBARUNG: 0,
};
const NRW_MUNICIPALITIES = 396;

/** Task areas a Kreis typically takes over for its municipalities (GkG NRW delegations to the Kreis). */
const KREIS_HOSTED = new Set(['rechnungspruefung', 'vergabe', 'it', 'feuerwehr', 'rettungsdienst', 'datenschutz', 'bauaufsicht', 'jugend', 'wirtschaft']);
/** Task areas that are often organised for a whole Kreis at once. */
const KREIS_WIDE = new Set(['feuerwehr', 'rettungsdienst', 'oepnv', 'abfall', 'sparkasse', 'vhs', 'wasser', 'tourismus', 'it']);
const SERVICE_CENTRE_TASKS = new Set(['it', 'personal', 'kasse', 'vergabe', 'datenschutz']);

const FORM_PREFIX: Record<LegalForm, string> = {
  OEFFENTLICH_RECHTLICHE_VEREINBARUNG: 'GV',
  ZWECKVERBAND: 'GZ',
  AOER: 'GA',
  GMBH: 'GG',
  ARBEITSGEMEINSCHAFT: 'GR',
  SHARED_SERVICE_CENTER: 'GS',
  OTHER: 'GO',
  VERWALTUNGSVEREINBARUNG: 'GW',
};

export interface GeneratorInput {
  municipalities: MunicipalityRecord[];
  districts: DistrictRecord[];
  borders: BorderRecord[];
  taskAreas: TaskAreaRecord[];
  researched: CooperationRecord[];
  seed: number;
}

export interface GeneratorResult {
  cooperations: CooperationRecord[];
  /** Share of municipality pairs within the same cooperation that share a border (calibration check). */
  neighbourPairShare: number;
}

const haversineKm = (a: MunicipalityRecord, b: MunicipalityRecord): number => {
  if (!a.centroid || !b.centroid) return Infinity;
  const rad = Math.PI / 180;
  const dLat = (b.centroid.latitude - a.centroid.latitude) * rad;
  const dLon = (b.centroid.longitude - a.centroid.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.centroid.latitude * rad) * Math.cos(b.centroid.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};

export function generateCooperations(input: GeneratorInput): GeneratorResult {
  const random = seedrandom(`kooperationsatlas-${input.seed}`);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const weighted = <T>(items: readonly T[], weight: (item: T) => number): T => {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = random() * total;
    for (const item of items) {
      r -= weight(item);
      if (r <= 0) return item;
    }
    return items[items.length - 1]!;
  };

  /** Weighted draws from a fixed list in O(log n): cumulative weights and a binary search. */
  const sampler = <T>(items: readonly T[], weight: (item: T) => number): (() => T) => {
    const cumulative: number[] = [];
    let total = 0;
    for (const item of items) cumulative.push((total += weight(item)));
    return () => {
      const r = random() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cumulative[mid]! < r) low = mid + 1;
        else high = mid;
      }
      return items[low]!;
    };
  };

  const municipalities = input.municipalities
    .filter((m) => m.type !== 'GEMEINDEFREIES_GEBIET' && m.centroid && m.population > 0)
    .sort((a, b) => a.ags.localeCompare(b.ags));
  const byAgs = new Map(municipalities.map((m) => [m.ags, m]));
  const neighbours = new Map<string, string[]>();
  for (const border of input.borders) {
    if (border.touch || !byAgs.has(border.a) || !byAgs.has(border.b)) continue;
    neighbours.set(border.a, [...(neighbours.get(border.a) ?? []), border.b]);
    neighbours.set(border.b, [...(neighbours.get(border.b) ?? []), border.a]);
  }
  const isNeighbour = (a: string, b: string) => neighbours.get(a)?.includes(b) ?? false;
  const byDistrict = new Map<string, MunicipalityRecord[]>();
  for (const m of municipalities) byDistrict.set(m.districtKey, [...(byDistrict.get(m.districtKey) ?? []), m]);
  const districts = input.districts
    .filter((d) => d.type !== 'KREISFREIE_STADT' && (byDistrict.get(d.key)?.length ?? 0) >= 2)
    .sort((a, b) => a.key.localeCompare(b.key));
  // Kreis-wide associations of every municipality exist where a Kreis has few municipalities; in Kreise with
  // dozens of small ones (outside NRW) the Kreis itself takes such tasks instead.
  const compactDistricts = districts.filter((d) => byDistrict.get(d.key)!.length <= 25);
  const districtByKey = new Map(input.districts.map((d) => [d.key, d]));
  const taskAreas = [...input.taskAreas].sort((a, b) => a.id.localeCompare(b.id));

  const drawHost = sampler(municipalities, (m) => Math.sqrt(m.population));
  const drawLargeHost = sampler(municipalities, (m) => m.population);
  const scale = municipalities.length / NRW_MUNICIPALITIES;
  const researchedPerForm = new Map<LegalForm, number>();
  for (const c of input.researched) researchedPerForm.set(c.legalForm, (researchedPerForm.get(c.legalForm) ?? 0) + 1);

  /** Municipalities at most `hops` shared borders away (breadth-first; no scan of the whole country). */
  const withinHops = (from: MunicipalityRecord, hops: number): MunicipalityRecord[] => {
    const seen = new Set([from.ags]);
    let frontier = [from.ags];
    for (let depth = 0; depth < hops; depth++) {
      frontier = frontier.flatMap((ags) => neighbours.get(ags) ?? []).filter((ags) => !seen.has(ags) && seen.add(ags));
    }
    seen.delete(from.ags);
    return [...seen].map((ags) => byAgs.get(ags)!);
  };

  /** Municipalities near `from`: first its neighbours, then the same Kreis, then anything within reach. */
  const nearby = (from: MunicipalityRecord, task: TaskAreaRecord, exclude: Set<string>): MunicipalityRecord[] => {
    const r = random();
    let pool: MunicipalityRecord[];
    if (r < 0.55) pool = (neighbours.get(from.ags) ?? []).map((ags) => byAgs.get(ags)!);
    else if (r < 0.85) pool = (byDistrict.get(from.districtKey) ?? []).filter((m) => haversineKm(m, from) < 30);
    else pool = withinHops(from, task.proximity < 0.4 ? 4 : 2);
    pool = pool.filter((m) => !exclude.has(m.ags));
    if (pool.length === 0) pool = (neighbours.get(from.ags) ?? []).map((ags) => byAgs.get(ags)!).filter((m) => !exclude.has(m.ags));
    return pool;
  };

  /** A connected cluster over shared borders, preferring the seed's Kreis. */
  const cluster = (seed: MunicipalityRecord, size: number): MunicipalityRecord[] => {
    const members = [seed];
    const chosen = new Set([seed.ags]);
    while (members.length < size) {
      const frontier = [...new Set(members.flatMap((m) => neighbours.get(m.ags) ?? []))].filter((ags) => !chosen.has(ags)).map((ags) => byAgs.get(ags)!);
      if (frontier.length === 0) break;
      const next = weighted(frontier, (m) => (m.districtKey === seed.districtKey ? 4 : 1));
      chosen.add(next.ags);
      members.push(next);
    }
    return members;
  };

  const shortName = (m: MunicipalityRecord) => m.shortName || m.name.split(',')[0]!;
  const names = (ms: MunicipalityRecord[]) => (ms.length <= 3 ? ms.map(shortName).join('/') : `${shortName(ms[0]!)} und ${ms.length - 1} weitere`);
  const taskFor = (form: LegalForm) => {
    const fitting = taskAreas.filter((t) => t.typicalLegalForms.includes(form));
    return weighted(fitting.length > 0 ? fitting : taskAreas, (t) => t.generatorShare);
  };

  const cooperations: CooperationRecord[] = [];
  const signatures = new Set<string>();
  const add = (form: LegalForm, index: number, task: TaskAreaRecord, name: string, members: MembershipRecord[]): boolean => {
    const signature = `${task.id}|${members
      .map((m) => m.key)
      .sort()
      .join(',')}`;
    if (members.filter((m) => m.kind === 'MUNICIPALITY').length + members.filter((m) => m.kind === 'DISTRICT').length < 2 || signatures.has(signature))
      return false;
    signatures.add(signature);
    cooperations.push({
      id: `${FORM_PREFIX[form]}${String(index).padStart(5, '0')}`,
      name,
      legalForm: form,
      status: 'ACTIVE',
      startYear: 1975 + Math.floor(random() * 50),
      sourceDate: null,
      seat: null,
      description: null,
      provenance: 'GENERATED',
      sourceUrl: null,
      evidence: null,
      remark: `synthetisch erzeugt (Seed ${input.seed})`,
      confidence: null,
      verifiedAt: null,
      taskAreaIds: [task.id],
      members,
    });
    return true;
  };
  const municipality = (m: MunicipalityRecord, role: MembershipRecord['role']): MembershipRecord => ({ kind: 'MUNICIPALITY', key: m.ags, role });

  const makeAgreement = (index: number): boolean => {
    const task = taskFor('OEFFENTLICH_RECHTLICHE_VEREINBARUNG');
    // A Kreis performing the task for some of its municipalities.
    if (KREIS_HOSTED.has(task.id) && random() < 0.3 && districts.length > 0) {
      const district = pick(districts);
      const pool = byDistrict.get(district.key)!;
      const clients = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => weighted(pool, (m) => 1 / Math.sqrt(m.population))))];
      return add(
        'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
        index,
        task,
        `Öffentlich-rechtliche Vereinbarung ${task.nameDe}: ${district.name} für ${names(clients)}`,
        [{ kind: 'DISTRICT', key: district.key, role: 'LEAD' }, ...clients.map((m) => municipality(m, 'DELEGATING'))],
      );
    }
    const host = drawHost();
    const count = random() < 0.75 ? 1 : random() < 0.7 ? 2 : 3;
    const chosen = new Set([host.ags]);
    const clients: MunicipalityRecord[] = [];
    for (let i = 0; i < count; i++) {
      const pool = nearby(host, task, chosen);
      if (pool.length === 0) break;
      const smaller = pool.filter((m) => m.population < host.population);
      const client = pick(smaller.length > 0 ? smaller : pool);
      chosen.add(client.ags);
      clients.push(client);
    }
    const symmetric = random() < 0.15;
    return add('OEFFENTLICH_RECHTLICHE_VEREINBARUNG', index, task, `Öffentlich-rechtliche Vereinbarung ${task.nameDe} ${names([host, ...clients])}`, [
      municipality(host, symmetric ? 'PARTNER' : 'LEAD'),
      ...clients.map((m) => municipality(m, symmetric ? 'PARTNER' : 'DELEGATING')),
    ]);
  };

  const makeAssociation = (form: LegalForm, index: number): boolean => {
    const task = taskFor(form);
    if (form === 'ZWECKVERBAND' && KREIS_WIDE.has(task.id) && random() < 0.12 && compactDistricts.length > 0) {
      const district = pick(compactDistricts);
      return add(form, index, task, `Zweckverband ${task.nameDe} ${district.name}`, [
        { kind: 'DISTRICT', key: district.key, role: 'MEMBER' },
        ...byDistrict.get(district.key)!.map((m) => municipality(m, 'MEMBER')),
      ]);
    }
    if (form === 'SHARED_SERVICE_CENTER' || (form === 'AOER' && SERVICE_CENTRE_TASKS.has(task.id))) {
      const host = drawLargeHost();
      const clients = withinHops(host, 3)
        .filter((m) => m.population < host.population)
        .sort((a, b) => haversineKm(a, host) - haversineKm(b, host))
        .slice(0, 12);
      const chosen = [...new Set(Array.from({ length: 2 + Math.floor(random() * 5) }, () => pick(clients.length > 0 ? clients : [host])))].filter(
        (m) => m.ags !== host.ags,
      );
      const label =
        form === 'SHARED_SERVICE_CENTER'
          ? `Shared Service Center ${task.nameDe} ${shortName(host)}`
          : `Kommunalunternehmen ${task.nameDe} ${names([host, ...chosen])} AöR`;
      return add(form, index, task, label, [municipality(host, 'LEAD'), ...chosen.map((m) => municipality(m, 'DELEGATING'))]);
    }
    const size =
      form === 'ARBEITSGEMEINSCHAFT'
        ? 3 + Math.floor(random() * 8)
        : form === 'ZWECKVERBAND'
          ? 2 + Math.floor(random() ** 2 * 7)
          : 2 + Math.floor(random() * 3);
    const members = cluster(drawHost(), size);
    const withKreis = form === 'ZWECKVERBAND' && random() < 0.15 ? districtByKey.get(members[0]!.districtKey) : undefined;
    const role: MembershipRecord['role'] = form === 'ARBEITSGEMEINSCHAFT' ? 'PARTNER' : 'MEMBER';
    const label =
      form === 'ZWECKVERBAND'
        ? `Zweckverband ${task.nameDe} ${names(members)}`
        : form === 'GMBH'
          ? `${task.nameDe} ${names(members)} GmbH`
          : form === 'AOER'
            ? `Gemeinsames Kommunalunternehmen ${task.nameDe} ${names(members)} AöR`
            : `Arbeitsgemeinschaft ${task.nameDe} ${names(members)}`;
    return add(form, index, task, label, [
      ...(withKreis && withKreis.type !== 'KREISFREIE_STADT' ? [{ kind: 'DISTRICT' as const, key: withKreis.key, role }] : []),
      ...members.map((m) => municipality(m, role)),
    ]);
  };

  for (const form of Object.keys(NRW_TOTALS) as LegalForm[]) {
    const target = Math.max(0, Math.round(NRW_TOTALS[form] * scale) - (researchedPerForm.get(form) ?? 0));
    let index = 0;
    let attempts = 0;
    while (index < target && attempts < target * 5) {
      attempts++;
      const made = form === 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG' ? makeAgreement(index + 1) : makeAssociation(form, index + 1);
      if (made) index++;
    }
  }

  let pairs = 0;
  let neighbourPairs = 0;
  for (const c of cooperations) {
    const agsList = c.members.filter((m) => m.kind === 'MUNICIPALITY').map((m) => m.key);
    for (let i = 0; i < agsList.length; i++)
      for (let j = i + 1; j < agsList.length; j++) {
        pairs++;
        if (isNeighbour(agsList[i]!, agsList[j]!)) neighbourPairs++;
      }
  }
  return { cooperations, neighbourPairShare: pairs === 0 ? 0 : neighbourPairs / pairs };
}
