import { describe, expect, it } from 'vitest';
import { ImportReport } from '../report';
import { parseAltkreise, parseRegionen } from './regionen';

const known = new Set(['05958036', '05958012', '05970008']);

describe('parseAltkreise', () => {
  it('reads the Altkreis and its confidence per municipality and reports bad rows', () => {
    const report = new ImportReport();
    const text = [
      'ags,name,altkreis,kennzeichen_alt,quelle_url,konfidenz,kreis_1968,hinweis',
      '05958036,"Olsberg, Stadt",Kreis Brilon,BRI,https://example.org,sicher,Kreis Brilon,',
      '05958012,"Brilon, Stadt",Kreis Brilon,BRI,https://example.org,mittel,Kreis Brilon,"Teile aus Kreis Arnsberg (120 Einw.)"',
      '05999999,Nirgendwo,Kreis X,X,https://example.org,sicher,,',
      '05958036,"Olsberg, Stadt",Kreis Brilon,BRI,https://example.org,sicher,Kreis Brilon,',
      '05970008,Burbach,,SI,https://example.org,sicher,,',
    ].join('\r\n');
    const result = parseAltkreise(text, 'a.csv', report, known);
    expect(Object.fromEntries(result)).toEqual({
      '05958036': { altkreis: 'Kreis Brilon', confidence: 'HIGH' },
      '05958012': { altkreis: 'Kreis Brilon', confidence: 'MEDIUM' },
    });
    expect(report.problemLines()).toEqual(['a.csv:4: unknown AGS 05999999', 'a.csv:5: duplicate AGS 05958036', 'a.csv:6: altkreis is empty']);
  });
});

describe('parseRegionen', () => {
  it('reads regions with their kind and members, partial membership included, and reports bad rows', () => {
    const report = new ImportReport();
    const regions = [
      'region_id,name,art,quelle_url,konfidenz,hinweis',
      'L001,3-Länder-Eck,LEADER 2023-2027,https://leader-3le.de/,mittel,aus 2014-2020 übernommen',
      'L002,Sauerland,VITAL.NRW,https://example.org,sicher,',
      'L003,Kaputt,Förderkulisse,https://example.org,sicher,',
      'L004,Unsicher,ILEK,https://example.org,vielleicht,',
      'L001,Doppelt,ILEK,https://example.org,sicher,',
    ].join('\n');
    const members = [
      'region_id,ags,name,teilweise',
      'L001,05970008,Burbach,nein',
      'L001,05958036,"Olsberg, Stadt",ja',
      'L002,05958012,Brilon,',
      'L001,05970008,Burbach,nein',
      'L001,05999999,Nirgendwo,nein',
      'L009,05958012,Brilon,nein',
      'L002,05958036,Olsberg,halb',
    ].join('\n');
    const result = parseRegionen(regions, members, { regions: 'r.csv', members: 'rm.csv' }, report, known);
    expect(result.map(({ id, kind, confidence, members: m }) => ({ id, kind, confidence, members: m.map(({ ags, partial }) => ({ ags, partial })) }))).toEqual([
      {
        id: 'L001',
        kind: 'LEADER 2023-2027',
        confidence: 'MEDIUM',
        members: [
          { ags: '05970008', partial: false },
          { ags: '05958036', partial: true },
        ],
      },
      { id: 'L002', kind: 'VITAL.NRW', confidence: 'HIGH', members: [{ ags: '05958012', partial: false }] },
    ]);
    expect(result[0]).toMatchObject({ name: '3-Länder-Eck', sourceUrl: 'https://leader-3le.de/', remark: 'aus 2014-2020 übernommen' });
    expect(report.problemLines()).toEqual([
      'r.csv:4: unknown art "Förderkulisse" (LEADER YYYY-YYYY, VITAL.NRW, ILEK, REGIONALE or other)',
      'r.csv:5: unknown konfidenz "vielleicht" (sicher, mittel or unsicher)',
      'r.csv:6: duplicate region id L001',
      'rm.csv:5: duplicate member 05970008 of region L001',
      'rm.csv:6: unknown AGS 05999999 in region L001',
      'rm.csv:7: member of unknown region "L009"',
      'rm.csv:8: teilweise must be ja or nein, not "halb"',
    ]);
  });
});
