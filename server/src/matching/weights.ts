import type { ComponentKey, TaskProfile, Weights } from './types';

export const COMPONENT_KEYS: ComponentKey[] = ['PROXIMITY', 'EXISTING_TIES', 'EXPERIENCE', 'SIZE_FIT', 'SAME_DISTRICT', 'FUNDING'];

/** Where each factor comes from; shown with every component (see docs/matching.md). */
export const COMPONENT_SOURCES: Record<ComponentKey, string> = {
  PROXIMITY: 'Räumliche Nähe senkt Transaktionskosten; gewichtet nach Aufgabe (Feiock 2007; Bel & Warner 2016)',
  EXISTING_TIES: 'Bestehende Kooperationen und gemeinsame Partner sagen neue voraus (Andrew 2009; Lee, Lee & Feiock 2012)',
  EXPERIENCE: 'Kommunen, die die Aufgabe schon für andere erbringen, sind natürliche Träger (Hawkins & Feiock)',
  SIZE_FIT: 'Effiziente Betriebsgröße je Aufgabe; ergänzend (Träger + Kunden) oder gleichartig (Hessen 2014; Bischoff & Wolfschütz 2017/2021)',
  SAME_DISTRICT: 'Gleicher Kreis: kürzere Wege und einfachere Genehmigung nach GkG NRW',
  FUNDING: 'Förderrichtlinie IKZ NRW: neue Zusammenarbeit bis 175.000 € für zwei Partner, +35.000 € je weiterem, höchstens 90 %',
};

/**
 * Default weights for a task. Proximity scales with how much it matters for the task (0.5 for desk work up to
 * 3.5 for a Bauhof); the others are fixed so that a neighbour with experience in the task and a good size fit
 * ranks first, and existing ties break ties between similar neighbours.
 */
export function defaultWeights(task: TaskProfile): Weights {
  return {
    PROXIMITY: Math.round((0.5 + 3 * task.proximity) * 100) / 100,
    EXISTING_TIES: 1.5,
    EXPERIENCE: 2,
    SIZE_FIT: 1.5,
    SAME_DISTRICT: 1,
    FUNDING: 0.5,
  };
}

export const MAX_WEIGHT = 10;

/** Defaults with the user's overrides on top. */
export function resolveWeights(task: TaskProfile, overrides: Partial<Weights> = {}): Weights {
  const weights = defaultWeights(task);
  for (const key of COMPONENT_KEYS) {
    const value = overrides[key];
    if (value !== undefined && value !== null) weights[key] = value;
  }
  return weights;
}
