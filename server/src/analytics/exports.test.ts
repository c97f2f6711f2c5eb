import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFileName, type ExportData, type ExportFile } from './exports';

const data: ExportData = {
  meta: { snapshotDate: '2026-12-01', attribution: '© GeoBasis-DE / BKG 2016 (Daten verändert)', filter: { taskArea: 'it', legalForm: 'ZWECKVERBAND' } },
  network: {
    nodes: [
      {
        ags: '05334024',
        name: 'Roetgen',
        districtKey: '05334',
        population: 8756,
        longitude: 6.2,
        latitude: 50.65,
        community: 0,
        degree: 1,
        weightedDegree: 2,
        betweenness: 0.12345,
        layoutX: 1.5,
        layoutY: -2,
      },
      {
        ags: '05334032',
        name: 'Stolberg (Rhld.)',
        districtKey: '05334',
        population: 56000,
        longitude: 6.23,
        latitude: 50.77,
        community: null,
        degree: 1,
        weightedDegree: 2,
        betweenness: 0,
        layoutX: 3,
        layoutY: 4.25,
      },
    ],
    edges: [
      {
        source: '05334024',
        sourceName: 'Roetgen',
        target: '05334032',
        targetName: 'Stolberg (Rhld.)',
        weight: 2,
        cooperationIds: ['K01', 'K02'],
        taskAreas: ['it', 'vhs'],
        provenance: ['RESEARCHED'],
      },
    ],
  },
  register: {
    cooperations: [
      {
        id: 'K01',
        name: '=HYPERLINK("http://example.invalid")',
        legalForm: 'ZWECKVERBAND',
        status: 'ACTIVE',
        startYear: 1999,
        taskAreas: ['it'],
        seat: null,
        description: 'IT; gemeinsam',
        sourceUrl: 'https://example.invalid/satzung',
        sourceDate: '2018-11',
        confidence: 'HIGH',
        evidence: null,
        remark: null,
        provenance: 'RESEARCHED',
      },
    ],
    members: [
      { cooperationId: 'K01', memberType: 'MUNICIPALITY', key: '05334024', name: 'Roetgen', role: 'LEAD' },
      { cooperationId: 'K01', memberType: 'EXTERNAL', key: null, name: 'Wasserverband Eifel-Rur', role: 'PARTNER' },
    ],
  },
};

const render = (file: ExportFile) => EXPORT_FORMATS[file].render(data);

describe('CSV exports', () => {
  it('start with their header line, with nothing before it, and leave missing values empty', () => {
    const lines = render('knoten.csv').split('\n');
    expect(lines[0]).toBe('ags,name,districtKey,population,longitude,latitude,community,degree,weightedDegree,betweenness,layoutX,layoutY');
    expect(lines[2]).toBe('05334032,Stolberg (Rhld.),05334,56000,6.23,50.77,,1,2,0,3,4.25');
    expect(render('kanten.csv').split('\n')[1]).toBe('05334024,Roetgen,05334032,Stolberg (Rhld.),2,K01;K02,it;vhs,RESEARCHED');
    expect(render('mitglieder.csv').split('\n')[2]).toBe('K01,EXTERNAL,,Wasserverband Eifel-Rur,PARTNER');
  });

  it('have an Excel variant with BOM, semicolons, decimal commas, CRLF and no formulas', () => {
    const excel = render('knoten-excel.csv');
    expect(excel.startsWith('\uFEFFags;name;')).toBe(true);
    expect(excel.split('\r\n')[1]).toBe('05334024;Roetgen;05334;8756;6,2;50,65;0;1;2;0,12345;1,5;-2');
    const cooperations = render('kooperationen-excel.csv').split('\r\n')[1]!;
    expect(cooperations).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
    expect(cooperations).toContain('"IT; gemeinsam"');
    // The plain CSV keeps the text as it is: the apostrophe is only for Excel.
    expect(render('kooperationen.csv').split('\n')[1]).toContain('"=HYPERLINK(""http://example.invalid"")"');
  });
});

describe('datapackage.json', () => {
  const pkg = JSON.parse(render('datapackage.json')) as {
    name: string;
    kooperationsatlas: { filter: Record<string, string> };
    resources: Array<{
      name: string;
      path: string;
      dialect?: { delimiter: string };
      schema?: { fields: Array<{ name: string; type: string; decimalChar?: string }> };
    }>;
  };

  it('describes every file the route serves, under the download name of the same filter and date', () => {
    const files = (Object.keys(EXPORT_FORMATS) as ExportFile[]).filter((file) => file !== 'datapackage.json');
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(files.map((file) => exportFileName(file, '2026-12-01', data.meta.filter)).sort());
    expect(pkg.resources.find((r) => r.name === 'knoten')!.path).toBe('kooperationsatlas-knoten-it-zweckverband-2026-12-01.csv');
    expect(pkg.name).toBe('kooperationsatlas-nrw-it-zweckverband');
    expect(pkg.kooperationsatlas.filter).toEqual({ aufgabe: 'it', rechtsform: 'ZWECKVERBAND' });
  });

  it('lists the fields of each table in the order of its CSV header, AGS and keys as strings', () => {
    for (const resource of pkg.resources.filter((r) => r.schema)) {
      const file = (Object.keys(EXPORT_FORMATS) as ExportFile[]).find((f) => exportFileName(f, '2026-12-01', data.meta.filter) === resource.path)!;
      const header = EXPORT_FORMATS[file]
        .render(data)
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0]!;
      expect(header.split(resource.dialect?.delimiter ?? ',')).toEqual(resource.schema!.fields.map((f) => f.name));
    }
    const fieldOf = (resource: string, field: string) => pkg.resources.find((r) => r.name === resource)!.schema!.fields.find((f) => f.name === field)!;
    expect(fieldOf('knoten', 'ags').type).toBe('string');
    expect(fieldOf('mitglieder', 'key').type).toBe('string');
    expect(fieldOf('knoten-excel', 'longitude').decimalChar).toBe(',');
  });
});

describe('graph and map exports', () => {
  it('GEXF keeps only creator, description and keywords in <meta> and writes the layout as viz:position', () => {
    const gexf = render('netzwerk.gexf');
    const meta = /<meta lastmodifieddate="2026-12-01">(.*)<\/meta>/.exec(gexf)![1]!;
    expect([...meta.matchAll(/<(\w+)>/g)].map((m) => m[1])).toEqual(['creator', 'description', 'keywords']);
    expect(gexf).toContain('<viz:position x="1.5" y="-2"/>');
  });

  it('GraphML names nodes with a label key; GeoJSON has the AGS as feature id and edges as lines', () => {
    expect(render('netzwerk.graphml')).toContain('<node id="05334024"><data key="label">Roetgen</data>');
    const edges = JSON.parse(render('kanten.geojson'));
    expect(edges.features[0]).toMatchObject({
      id: '05334024-05334032',
      geometry: {
        type: 'LineString',
        coordinates: [
          [6.2, 50.65],
          [6.23, 50.77],
        ],
      },
      properties: { cooperationIds: ['K01', 'K02'] },
    });
  });
});
