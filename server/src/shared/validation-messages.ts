/**
 * German wording for class-validator's rule messages. class-validator writes its messages in English only and does
 * not hand the rule's arguments to type-graphql's error, so the limit is taken from its own (stable) wording.
 */
const RULES: Record<string, (field: string, limit: string | undefined) => string> = {
  min: (field, limit) => `„${field}“ darf nicht kleiner als ${limit} sein.`,
  max: (field, limit) => `„${field}“ darf nicht größer als ${limit} sein.`,
  isInt: (field) => `„${field}“ muss eine ganze Zahl sein.`,
  isNumber: (field) => `„${field}“ muss eine Zahl sein.`,
  isBoolean: (field) => `„${field}“ muss wahr oder falsch sein.`,
  isIn: (field) => `„${field}“ hat keinen zulässigen Wert.`,
  matches: (field) => `„${field}“ hat nicht das erwartete Format.`,
  isLength: (field) => `„${field}“ ist zu kurz oder zu lang.`,
  maxLength: (field, limit) => `„${field}“ darf höchstens ${limit} Zeichen lang sein.`,
};

/** The German sentence for one failed rule of `field`, given class-validator's rule name and English message. */
export function germanValidationMessage(field: string, rule: string, englishMessage: string): string {
  const limit = /(?:less than|greater than|equal to) (-?[\d.e+]+)/.exec(englishMessage)?.[1];
  return (RULES[rule] ?? ((name: string) => `„${name}“ ist ungültig.`))(field, limit);
}
