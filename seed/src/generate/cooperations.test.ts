import { describe, expect, it } from 'vitest';
import type { BorderRecord, DistrictRecord, MunicipalityRecord, TaskAreaRecord } from '../model';
import { generateCooperations, NRW_TOTALS } from './cooperations';

// A 6 × 6 grid of municipalities in two Kreise; neighbours share borders horizontally and vertically.
const municipalities: MunicipalityRecord[] = [];
const borders: BorderRecord[] = [];
for (let row = 0; row < 6; row++)
  for (let col = 0; col < 6; col++) {
    const ags = `0599${row}${col}00`.slice(0, 8);
    municipalities.push({
      ags,
      ars: ags,
      name: `Gemeinde ${row}${col}`,
      shortName: `Gemeinde ${row}${col}`,
      searchName: `gemeinde ${row}${col}`,
      type: 'GEMEINDE',
      population: 5000 + (((row * 6 + col) * 7919) % 60000),
      populationDate: '2022-12-31',
      areaKm2: 50,
      density: 100,
      postcode: null,
      districtKey: col < 3 ? '05991' : '05992',
      regionKey: '059',
      stateKey: '05',
      associationName: null,
      associationType: null,
      altkreis: null,
      altkreisConfidence: null,
      centroid: { longitude: 7 + col * 0.1, latitude: 51 + row * 0.1 },
    });
    if (col > 0) borders.push({ a: `0599${row}${col - 1}00`.slice(0, 8), b: ags, lengthKm: 5, touch: false });
    if (row > 0) borders.push({ a: `0599${row - 1}${col}00`.slice(0, 8), b: ags, lengthKm: 5, touch: false });
  }
const districts: DistrictRecord[] = [
  { key: '05991', name: 'Kreis West', type: 'KREIS', stateKey: '05', regionKey: '059' },
  { key: '05992', name: 'Kreis Ost', type: 'KREIS', stateKey: '05', regionKey: '059' },
];
const taskAreas: TaskAreaRecord[] = [
  {
    id: 'bauhof',
    nameDe: 'Bauhof',
    nameEn: 'Works yard',
    examplesDe: '',
    productArea: '12',
    productAreaName: null,
    proximity: 0.9,
    efficientScale: 20000,
    sizeFit: 'SIMILAR',
    typicalLegalForms: ['OEFFENTLICH_RECHTLICHE_VEREINBARUNG'],
    generatorShare: 3,
  },
  {
    id: 'it',
    nameDe: 'IT',
    nameEn: 'IT',
    examplesDe: '',
    productArea: '01',
    productAreaName: null,
    proximity: 0.1,
    efficientScale: 150000,
    sizeFit: 'COMPLEMENTARY',
    typicalLegalForms: ['ZWECKVERBAND', 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG'],
    generatorShare: 1,
  },
];
const input = { municipalities, districts, borders, taskAreas, researched: [], seed: 7 };

describe('generateCooperations', () => {
  it('is deterministic for a seed and differs for another', () => {
    const first = generateCooperations(input);
    expect(generateCooperations(input)).toEqual(first);
    expect(generateCooperations({ ...input, seed: 8 }).cooperations).not.toEqual(first.cooperations);
  });

  it('scales the NRW totals to the number of municipalities and marks everything GENERATED', () => {
    const { cooperations } = generateCooperations(input);
    const agreements = cooperations.filter((c) => c.legalForm === 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG').length;
    expect(agreements).toBeGreaterThan(NRW_TOTALS.OEFFENTLICH_RECHTLICHE_VEREINBARUNG * (36 / 396) * 0.8);
    expect(cooperations.every((c) => c.provenance === 'GENERATED' && c.sourceUrl === null)).toBe(true);
    expect(new Set(cooperations.map((c) => c.id)).size).toBe(cooperations.length);
    expect(cooperations.every((c) => c.members.length >= 2)).toBe(true);
  });

  it('counts researched records towards the totals', () => {
    const researched = Array.from({ length: 20 }, (_, i) => ({
      ...generateCooperations(input).cooperations[0]!,
      id: `K${i}`,
      provenance: 'RESEARCHED' as const,
      legalForm: 'ZWECKVERBAND' as const,
    }));
    const without = generateCooperations(input).cooperations.filter((c) => c.legalForm === 'ZWECKVERBAND').length;
    const withResearched = generateCooperations({ ...input, researched }).cooperations.filter((c) => c.legalForm === 'ZWECKVERBAND').length;
    expect(withResearched).toBe(Math.max(0, without - 20));
  });
});
