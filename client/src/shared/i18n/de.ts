// German is the primary language of the app; every visible string lives here or in en.ts.
export const de = {
  app: {
    name: 'Kooperationsatlas NRW',
    tagline: 'Partner für interkommunale Zusammenarbeit finden – mit Begründung',
    skipToContent: 'Zum Inhalt springen',
    language: 'Sprache',
    switchTo: 'English',
    switchToLabel: 'Switch to English',
  },
  nav: {
    label: 'Hauptnavigation',
    home: 'Start',
    partners: 'Partner finden',
    cooperations: 'Kooperationen',
    network: 'Netzwerk',
    gaps: 'Lückenanalyse',
    about: 'Daten & Quellen',
  },
  home: {
    title: 'Gemeinsam mehr erreichen',
    intro:
      'Der Kooperationsatlas zeigt die 396 Kommunen Nordrhein-Westfalens, ihre Aufgabenfelder und bestehenden Kooperationen – und schlägt begründet passende Partner für neue Vorhaben vor.',
  },
  stats: {
    title: 'Der Datenbestand',
    municipalities: 'Kommunen',
    districts: 'Kreise und kreisfreie Städte',
    borders: 'gemeinsame Grenzen',
    taskAreas: 'Aufgabenfelder',
    cooperations: 'Kooperationen',
    researched: 'davon recherchiert',
    generated: 'davon generiert',
    population: 'Einwohnerinnen und Einwohner',
    loading: 'Daten werden geladen …',
    error: 'Die Daten konnten nicht geladen werden. Bitte versuchen Sie es später erneut.',
    empty: 'Die Datenbank ist noch leer.',
  },
  placeholder: {
    comingSoon: 'Diese Seite ist in Vorbereitung.',
  },
  about: {
    title: 'Daten & Quellen',
    generatedNote:
      'Für die meisten Kooperationen gibt es kein offenes Register. Über die recherchierten Kooperationen hinaus erzeugt der Atlas daher einen realistischen, als „generiert“ gekennzeichneten Bestand.',
  },
  footer: {
    sources: 'Datenquellen',
    boundaries: 'Verwaltungsgrenzen: © GeoBasis-DE / BKG 2016 (Daten verändert), VG250, Lizenz dl-de/by-2.0',
    statistics: 'Statistik: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD, Gebietsstand 30.11.2023, dl-de/by-2.0',
    licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  },
  error: {
    title: 'Etwas ist schiefgelaufen',
    notFound: 'Diese Seite gibt es nicht.',
    back: 'Zur Startseite',
  },
};

export type Messages = typeof de;
