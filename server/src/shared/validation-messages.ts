/**
 * What a person reads when an input breaks a rule: the field by the name the app gives it ("Umkreis", not
 * "maxDistanceKm") and the rule in their language. class-validator writes its messages in English only and does not
 * hand the rule's arguments to type-graphql's error, so the limit is taken from its own (stable) wording.
 */
const FIELD_LABELS: Record<string, { de: string; en: string }> = {
  limit: { de: 'Die Anzahl der Ergebnisse', en: 'The number of results' },
  weight: { de: 'Ein Gewicht', en: 'A weight' },
  weights: { de: 'Die Liste der Gewichte', en: 'The list of weights' },
  key: { de: 'Der Name eines Gewichts', en: 'The name of a weight' },
  targetPopulation: { de: 'Die Zielgröße (Einwohner)', en: 'The target population' },
  maxDistanceKm: { de: 'Der Umkreis (km)', en: 'The radius (km)' },
  projectCostEur: { de: 'Die Projektkosten (€)', en: 'The project cost (€)' },
  sizeFit: { de: 'Die Größenkonstellation', en: 'The size constellation' },
  minSize: { de: 'Die kleinste Gruppengröße', en: 'The smallest group size' },
  maxSize: { de: 'Die größte Gruppengröße', en: 'The largest group size' },
  first: { de: 'Die Seitengröße', en: 'The page size' },
  search: { de: 'Der Suchtext', en: 'The search text' },
  districtKey: { de: 'Der Kreisschlüssel', en: 'The Kreis key' },
  regionKey: { de: 'Der Schlüssel des Regierungsbezirks', en: 'The Regierungsbezirk key' },
  type: { de: 'Der Gemeindetyp', en: 'The municipality type' },
  minPopulation: { de: 'Die kleinste Einwohnerzahl', en: 'The smallest population' },
  maxPopulation: { de: 'Die größte Einwohnerzahl', en: 'The largest population' },
  taskArea: { de: 'Das Aufgabenfeld', en: 'The task area' },
  legalForm: { de: 'Die Rechtsform', en: 'The legal form' },
  provenance: { de: 'Die Herkunft', en: 'The provenance' },
  status: { de: 'Der Status', en: 'The status' },
  memberAgs: { de: 'Der Gemeindeschlüssel des Mitglieds', en: 'The member’s municipality key' },
  email: { de: 'Die E-Mail-Adresse', en: 'The e-mail address' },
  password: { de: 'Das Passwort', en: 'The password' },
  displayName: { de: 'Der Name', en: 'The name' },
};

/** The readable name of a field path such as `options.weights.0.weight`: its last named segment. */
export function fieldLabel(field: string, language: 'de' | 'en'): string {
  const name =
    field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? field;
  const label = FIELD_LABELS[name];
  if (label) return label[language];
  return language === 'de' ? `Das Feld „${name}“` : `The field "${name}"`;
}

type Rule = (label: string, limit: string | undefined) => string;

const RULES_DE: Record<string, Rule> = {
  min: (label, limit) => `${label} darf nicht kleiner als ${limit} sein.`,
  max: (label, limit) => `${label} darf nicht größer als ${limit} sein.`,
  isInt: (label) => `${label} muss eine ganze Zahl sein.`,
  isNumber: (label) => `${label} muss eine Zahl sein.`,
  isBoolean: (label) => `${label} muss wahr oder falsch sein.`,
  isIn: (label) => `${label} hat keinen zulässigen Wert.`,
  matches: (label) => `${label} hat nicht das erwartete Format.`,
  isLength: (label) => `${label} ist zu kurz oder zu lang.`,
  maxLength: (label, limit) => `${label} darf höchstens ${limit} Zeichen lang sein.`,
  arrayMaxSize: (label, limit) => `${label} darf höchstens ${limit} Einträge haben.`,
};

const RULES_EN: Record<string, Rule> = {
  min: (label, limit) => `${label} must not be less than ${limit}.`,
  max: (label, limit) => `${label} must not be greater than ${limit}.`,
  isInt: (label) => `${label} must be a whole number.`,
  isNumber: (label) => `${label} must be a number.`,
  isBoolean: (label) => `${label} must be true or false.`,
  isIn: (label) => `${label} has a value that is not allowed.`,
  matches: (label) => `${label} does not have the expected format.`,
  isLength: (label) => `${label} is too short or too long.`,
  maxLength: (label, limit) => `${label} must be at most ${limit} characters long.`,
  arrayMaxSize: (label, limit) => `${label} must have at most ${limit} entries.`,
};

const limitOf = (englishMessage: string) => /(?:less than|greater than|equal to|no more than) (-?[\d.e+]+)/.exec(englishMessage)?.[1];

/** The German sentence for one failed rule of `field`, given class-validator's rule name and English message. */
export function germanValidationMessage(field: string, rule: string, englishMessage: string): string {
  const label = fieldLabel(field, 'de');
  return (RULES_DE[rule] ?? ((l: string) => `${l} ist ungültig.`))(label, limitOf(englishMessage));
}

/** The English sentence for the same, with the field's readable name instead of its API name. */
export function englishValidationMessage(field: string, rule: string, englishMessage: string): string {
  const label = fieldLabel(field, 'en');
  return (RULES_EN[rule] ?? ((l: string) => `${l} is not valid.`))(label, limitOf(englishMessage));
}
