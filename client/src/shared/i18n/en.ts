import type { Messages } from './de';

export const en: Messages = {
  app: {
    name: 'Kooperationsatlas NRW',
    tagline: 'Find partners for inter-municipal cooperation – with reasons',
    skipToContent: 'Skip to content',
    language: 'Language',
    switchTo: 'Deutsch',
    switchToLabel: 'Auf Deutsch umschalten',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    partners: 'Find partners',
    cooperations: 'Cooperations',
    network: 'Network',
    gaps: 'Gap analysis',
    about: 'Data & sources',
  },
  home: {
    title: 'Achieving more together',
    intro:
      'Kooperationsatlas shows the 396 municipalities of North Rhine-Westphalia, their task areas and existing cooperations – and suggests suitable partners for new projects, with reasons.',
  },
  stats: {
    title: 'What the atlas holds',
    municipalities: 'Municipalities',
    districts: 'Kreise and kreisfreie Städte',
    borders: 'shared borders',
    taskAreas: 'Task areas',
    cooperations: 'Cooperations',
    researched: 'researched',
    generated: 'generated',
    population: 'inhabitants',
    loading: 'Loading data …',
    error: 'The data could not be loaded. Please try again later.',
    empty: 'The database is still empty.',
  },
  placeholder: {
    comingSoon: 'This page is being prepared.',
  },
  about: {
    title: 'Data & sources',
    generatedNote:
      'There is no open registry of most cooperations. Beyond the researched ones, the atlas therefore generates a realistic set, marked as "generated".',
  },
  footer: {
    sources: 'Data sources',
    boundaries: 'Administrative boundaries: © GeoBasis-DE / BKG 2016 (data modified), VG250, licence dl-de/by-2.0',
    statistics: 'Statistics: Federal Statistical Office (Destatis), GV100AD municipality register, as of 30.11.2023, dl-de/by-2.0',
    licence: 'Data licence Germany – attribution – version 2.0',
  },
  error: {
    title: 'Something went wrong',
    notFound: 'This page does not exist.',
    back: 'Back to the start page',
  },
};
