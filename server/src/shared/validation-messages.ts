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
  // Contributions, contact persons and the Kooperationsbörse
  name: { de: 'Der Name', en: 'The name' },
  title: { de: 'Der Titel', en: 'The title' },
  description: { de: 'Die Beschreibung', en: 'The description' },
  partnersSought: { de: 'Die Zahl der gesuchten Partner', en: 'The number of partners sought' },
  radiusKm: { de: 'Der Suchradius (km)', en: 'The search radius (km)' },
  timeline: { de: 'Der Zeitplan', en: 'The timeline' },
  message: { de: 'Die Nachricht', en: 'The message' },
  function: { de: 'Die Funktion', en: 'The function' },
  phone: { de: 'Die Telefonnummer', en: 'The phone number' },
  consentGivenOn: { de: 'Das Datum der Einwilligung', en: 'The date of consent' },
  municipalityAgs: { de: 'Der Gemeindeschlüssel', en: 'The municipality key' },
  ags: { de: 'Der Gemeindeschlüssel', en: 'The municipality key' },
  cooperationId: { de: 'Die Kennung der Kooperation', en: 'The cooperation id' },
  contributionId: { de: 'Die Kennung der Meldung', en: 'The report id' },
  contactPersonId: { de: 'Die Kennung der Kontaktperson', en: 'The contact person id' },
  accountId: { de: 'Die Kennung des Kontos', en: 'The account id' },
  ideaId: { de: 'Die Kennung des Vorhabens', en: 'The idea id' },
  interestId: { de: 'Die Kennung des Interesses', en: 'The interest id' },
  noticeIds: { de: 'Die Liste der Benachrichtigungen', en: 'The list of notices' },
  partnerAgs: { de: 'Die Liste der Partner', en: 'The list of partners' },
  taskAreaId: { de: 'Das Aufgabenfeld', en: 'The task area' },
  taskAreaIds: { de: 'Die Liste der Aufgabenfelder', en: 'The list of task areas' },
  members: { de: 'Die Liste der Mitglieder', en: 'The list of members' },
  seat: { de: 'Der Sitz', en: 'The seat' },
  evidence: { de: 'Der Beleg', en: 'The evidence' },
  startYear: { de: 'Das Gründungsjahr', en: 'The start year' },
  endDate: { de: 'Das Enddatum', en: 'The end date' },
  sourceUrl: { de: 'Die Quelle (Adresse)', en: 'The source (URL)' },
  sourceReference: { de: 'Die Fundstelle', en: 'The source reference' },
  sourceDate: { de: 'Das Datum der Quelle', en: 'The date of the source' },
  reason: { de: 'Die Begründung', en: 'The reason' },
  note: { de: 'Die Anmerkung', en: 'The note' },
  /** An office note of the Kooperationsbörse (addProjectIdeaNote). */
  text: { de: 'Die Notiz', en: 'The note' },
  summary: { de: 'Die Zusammenfassung', en: 'The summary' },
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
