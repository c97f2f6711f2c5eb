import { describe, expect, it } from 'vitest';
import { ImportReport } from '../report';
import { parseGv100ad } from './gv100ad';

/** Builds a 220-character register line with fields at the documented character offsets. */
function line(fields: Array<[number, string]>): string {
  const chars = Array.from({ length: 220 }, () => ' ');
  for (const [start, text] of fields) [...text].forEach((c, i) => (chars[start + i] = c));
  return chars.join('');
}

describe('parseGv100ad', () => {
  const municipality = line([
    [0, '60'],
    [2, '20231130'],
    [10, '05958040'],
    [18, '0004'],
    [22, 'Olsberg, Stadt'],
    [122, '63'],
    [128, '00000018170'],
    [139, '00000014634'],
    [165, '59939'],
  ]);

  it('reads a Gemeinde with umlauts counting characters, not bytes', () => {
    const report = new ImportReport();
    const umlaut = municipality.replace('Olsberg, Stadt', 'Möhnesee      ');
    const register = parseGv100ad(umlaut, 'gv.txt', report);
    expect(report.problems).toEqual([]);
    expect(register.municipalities[0]).toMatchObject({
      ags: '05958040',
      name: 'Möhnesee',
      type: 'STADT',
      population: 14634,
      areaKm2: 181.7,
      postcode: '59939',
      districtKey: '05958',
      regionKey: '059',
    });
    expect(register.gebietsstand).toBe('2023-11-30');
  });

  it('reports malformed lines and duplicates with their line numbers and keeps the rest', () => {
    const report = new ImportReport();
    const register = parseGv100ad(
      [municipality, 'kurz', municipality, municipality.replace('05958040', '05958044').replace('00000014634', '000000xx634')].join('\n'),
      'gv.txt',
      report,
    );
    expect(register.municipalities).toHaveLength(1);
    expect(report.problemLines()).toEqual([
      'gv.txt:2: malformed line: 4 characters instead of 220',
      'gv.txt:3: duplicate AGS 05958040',
      'gv.txt:4: malformed area or population for 05958044',
    ]);
  });

  it('keeps only the requested Länder', () => {
    const report = new ImportReport();
    const hessen = municipality.replace('05958040', '06532001');
    expect(parseGv100ad([municipality, hessen].join('\n'), 'gv.txt', report, ['05']).municipalities.map((m) => m.ags)).toEqual(['05958040']);
  });

  it('names the Gemeindeverband (Satzart 50) of a municipality, and none for a verbandsfreie Gemeinde', () => {
    const report = new ImportReport();
    const samtgemeinde = line([
      [0, '50'],
      [2, '20231130'],
      [10, '03151'],
      [18, '5402'],
      [22, 'Brome'],
      [72, 'Brome'],
      [122, '52'],
    ]);
    const verbandsfrei = line([
      [0, '50'],
      [2, '20231130'],
      [10, '05958'],
      [18, '0004'],
      [22, 'Olsberg, Stadt'],
      [122, '50'],
    ]);
    const member = line([
      [0, '60'],
      [2, '20231130'],
      [10, '03151002'],
      [18, '5402'],
      [22, 'Brome, Flecken'],
      [122, '64'],
      [128, '00000005000'],
      [139, '00000003000'],
    ]);
    const unknownType = verbandsfrei.replace('Olsberg, Stadt', 'Kaputt        ').slice(0, 122) + '59' + verbandsfrei.slice(124);
    const register = parseGv100ad([member, municipality, samtgemeinde, verbandsfrei, unknownType].join('\n'), 'gv.txt', report);
    expect(register.municipalities.map((m) => [m.ags, m.associationName, m.associationType])).toEqual([
      ['03151002', 'Brome', 'SAMTGEMEINDE'],
      ['05958040', null, null],
    ]);
    expect(report.problemLines()).toEqual(['gv.txt:5: unknown Gemeindeverband type "59" for 059580004']);
  });
});
