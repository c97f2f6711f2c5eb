import { describe, expect, it } from 'vitest';
import { ImportReport } from '../report';
import { parseIkz } from './ikz';

const HEADER =
  'kooperation_id,name,rechtsform,aufgabenfeld_ids,aufgaben,sitz_oder_ausfuehrend,beginn_jahr,status,stand_datum,quelle_url,beleg,konfidenz,hinweis';
const MEMBER_HEADER = 'kooperation_id,mitglied_typ,mitglied_schluessel,mitglied_name,rolle';
const files = { cooperations: 'k.csv', members: 'm.csv' };
const tasks = new Set(['it', 'vhs']);

/** A register line with sensible defaults; `fields` overrides columns by name. */
function cooperation(fields: Record<string, string>): string {
  const row: Record<string, string> = {
    kooperation_id: 'K01',
    name: 'Zweckverband Test',
    rechtsform: 'Zweckverband',
    aufgabenfeld_ids: 'it',
    aufgaben: '',
    sitz_oder_ausfuehrend: '',
    beginn_jahr: '',
    status: 'aktiv',
    stand_datum: '',
    quelle_url: 'https://example.org/satzung',
    beleg: '',
    konfidenz: 'sicher',
    hinweis: '',
    ...fields,
  };
  return HEADER.split(',')
    .map((column) => (/[",]/.test(row[column]!) ? `"${row[column]!.replace(/"/g, '""')}"` : row[column]))
    .join(',');
}

const parse = (cooperations: string[], members: string[] = []) => {
  const report = new ImportReport();
  const result = parseIkz([HEADER, ...cooperations].join('\r\n'), [MEMBER_HEADER, ...members].join('\n'), files, tasks, report);
  return { cooperations: result.cooperations, problems: report.problemLines() };
};

describe('parseIkz (the register of real cooperations)', () => {
  it('maps legal form, status, years, dates and confidence, and keeps the source and evidence', () => {
    const { cooperations, problems } = parse([
      cooperation({
        beginn_jahr: '2004',
        stand_datum: '2018-11',
        status: 'beendet',
        konfidenz: 'mittel',
        beleg: 'Satzung nennt A, B',
        hinweis: 'Vorgänger',
        aufgaben: 'Betrieb',
        sitz_oder_ausfuehrend: 'Düsseldorf',
      }),
      cooperation({ kooperation_id: 'A2', rechtsform: 'Verwaltungsvereinbarung', status: '', konfidenz: 'unsicher' }),
      cooperation({ kooperation_id: 'B3', rechtsform: 'gemeinsames Kommunalunternehmen', status: 'geplant', stand_datum: '2020' }),
      cooperation({ kooperation_id: 'D4', rechtsform: 'other', status: 'unklar', stand_datum: '2024-02-29' }),
    ]);
    expect(problems).toEqual([]);
    expect(cooperations[0]).toMatchObject({
      id: 'K01',
      legalForm: 'ZWECKVERBAND',
      status: 'ENDED',
      startYear: 2004,
      sourceDate: '2018-11',
      confidence: 'MEDIUM',
      evidence: 'Satzung nennt A, B',
      remark: 'Vorgänger',
      description: 'Betrieb',
      seat: 'Düsseldorf',
      provenance: 'RESEARCHED',
      sourceUrl: 'https://example.org/satzung',
      verifiedAt: null,
    });
    expect(cooperations.map((c) => [c.legalForm, c.status, c.confidence, c.sourceDate])).toEqual([
      ['ZWECKVERBAND', 'ENDED', 'MEDIUM', '2018-11'],
      ['VERWALTUNGSVEREINBARUNG', 'UNCLEAR', 'LOW', null],
      ['AOER', 'PLANNED', 'HIGH', '2020'],
      ['OTHER', 'UNCLEAR', 'HIGH', '2024-02-29'],
    ]);
    expect(cooperations[0]).not.toHaveProperty('startDate');
  });

  it('reports each bad cooperation row with its line and reason', () => {
    const { cooperations, problems } = parse([
      cooperation({}),
      cooperation({ kooperation_id: 'K02', rechtsform: 'Genossenschaft' }),
      cooperation({ kooperation_id: 'K03', status: 'ruhend' }),
      cooperation({ kooperation_id: 'K04', konfidenz: '' }),
      cooperation({ kooperation_id: 'K05', beginn_jahr: 'um 1990' }),
      cooperation({ kooperation_id: 'K06', beginn_jahr: '1700' }),
      cooperation({ kooperation_id: 'K07', stand_datum: '2019-13-01' }),
      cooperation({ kooperation_id: 'K08', quelle_url: 'ftp://example.org' }),
      cooperation({ kooperation_id: 'K09', quelle_url: '' }),
      'K10,Zu kurz,Zweckverband',
      cooperation({ kooperation_id: 'K01' }),
      cooperation({ kooperation_id: 'K11', aufgabenfeld_ids: 'raumfahrt' }),
    ]);
    expect(cooperations.map((c) => c.id)).toEqual(['K01']);
    expect(problems).toEqual([
      'k.csv:3: unknown legal form "Genossenschaft"',
      'k.csv:4: unknown status "ruhend" (aktiv, beendet, geplant or unklar)',
      'k.csv:5: unknown konfidenz "" (sicher, mittel or unsicher)',
      'k.csv:6: beginn_jahr "um 1990" is not a year between 1800 and 2100',
      'k.csv:7: beginn_jahr "1700" is not a year between 1800 and 2100',
      'k.csv:8: stand_datum "2019-13-01" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
      'k.csv:9: source URL is not an http(s) URL',
      'k.csv:10: no source URL',
      'k.csv:11: malformed line: 3 fields instead of 13',
      'k.csv:12: duplicate cooperation id K01',
      'k.csv:13: unknown task area "raumfahrt"',
    ]);
  });

  it('reads municipality, Kreis, cooperation and external members with their roles, and reports bad member rows', () => {
    const { cooperations, problems } = parse(
      [cooperation({}), cooperation({ kooperation_id: 'K07' }), cooperation({ kooperation_id: 'K18' })],
      [
        'K01,gemeinde,05111000,"Düsseldorf, Stadt",mitglied',
        'K01,kreis,05162,Rhein-Kreis Neuss,übernehmend',
        'K01,zweckverband,K07,ZV Garzweiler,abgebend',
        'K01,extern,,Land Nordrhein-Westfalen,partner',
        'K07,extern,,Land Nordrhein-Westfalen,mitglied',
        'K01,gemeinde,05111000,"Düsseldorf, Stadt",partner',
        'K01,extern,,Land Nordrhein-Westfalen,mitglied',
        'K01,extern,,,mitglied',
        'K01,extern,05111000,Düsseldorf,mitglied',
        'K01,gemeinde,123,Kaputt,mitglied',
        'K01,bundesland,05,NRW,mitglied',
        'K01,gemeinde,05112000,Duisburg,chef',
        'K99,gemeinde,05112000,Duisburg,mitglied',
      ],
    );
    const byId = new Map(cooperations.map((c) => [c.id, c]));
    expect(byId.get('K01')!.members.map(({ kind, key, role }) => ({ kind, key, role }))).toEqual([
      { kind: 'MUNICIPALITY', key: '05111000', role: 'MEMBER' },
      { kind: 'DISTRICT', key: '05162', role: 'LEAD' },
      { kind: 'COOPERATION', key: 'K07', role: 'DELEGATING' },
      { kind: 'EXTERNAL', key: 'Land Nordrhein-Westfalen', role: 'PARTNER' },
    ]);
    expect(byId.get('K07')!.members).toHaveLength(1);
    expect(byId.get('K18')!.members).toEqual([]);
    expect(problems).toEqual([
      'm.csv:7: duplicate member 05111000 of K01',
      'm.csv:8: duplicate member "Land Nordrhein-Westfalen" of K01',
      'm.csv:9: extern member without a name',
      'm.csv:10: an extern member has no key, but this one has "05111000"',
      'm.csv:11: malformed key "123" for a member of type gemeinde',
      'm.csv:12: unknown member type "bundesland"',
      'm.csv:13: unknown role "chef" (mitglied, übernehmend, abgebend or partner)',
      'm.csv:14: member of unknown cooperation "K99"',
    ]);
  });

  it('names the missing columns of a file in the old seed format', () => {
    const report = new ImportReport();
    parseIkz('kooperation_id,name,rechtsform,aufgabenfeld_ids\nK01,X,Zweckverband,it\n', MEMBER_HEADER, files, tasks, report);
    expect(report.problemLines()).toEqual(['k.csv:1: missing column(s) status, beginn_jahr, stand_datum, quelle_url, konfidenz']);
  });
});

describe('parseIkz: the optional column geprueft_am (last verified)', () => {
  const header = `${HEADER},geprueft_am`;
  const parseWith = (rows: string[]) => {
    const report = new ImportReport();
    const result = parseIkz([header, ...rows].join('\n'), MEMBER_HEADER, files, tasks, report);
    return { cooperations: result.cooperations, problems: report.problemLines() };
  };

  it('sets verifiedAt from a past date and reports anything else as a bad row', () => {
    const { cooperations, problems } = parseWith([
      `${cooperation({})},2026-11-15`,
      `${cooperation({ kooperation_id: 'A2' })},`,
      `${cooperation({ kooperation_id: 'A3' })},15.11.2026`,
      `${cooperation({ kooperation_id: 'A4' })},2099-01-01`,
    ]);
    expect(cooperations.map((c) => [c.id, c.verifiedAt])).toEqual([
      ['K01', '2026-11-15'],
      ['A2', null],
    ]);
    expect(problems).toEqual([
      'k.csv:4: geprueft_am "15.11.2026" is not a past date (YYYY-MM-DD)',
      'k.csv:5: geprueft_am "2099-01-01" is not a past date (YYYY-MM-DD)',
    ]);
  });
});
