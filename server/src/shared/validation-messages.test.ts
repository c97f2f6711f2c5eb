import { describe, expect, it } from 'vitest';
import { englishValidationMessage, fieldLabel, germanValidationMessage } from './validation-messages';

describe('validation messages', () => {
  it('name the field as a person knows it and keep the limit, in German', () => {
    expect(germanValidationMessage('maxDistanceKm', 'min', 'maxDistanceKm must not be less than 1')).toBe('Der Umkreis (km) darf nicht kleiner als 1 sein.');
    expect(germanValidationMessage('options.weights.0.weight', 'max', 'weight must not be greater than 10')).toBe('Ein Gewicht darf nicht größer als 10 sein.');
    expect(germanValidationMessage('search', 'maxLength', 'search must be shorter than or equal to 80 characters')).toBe(
      'Der Suchtext darf höchstens 80 Zeichen lang sein.',
    );
    expect(germanValidationMessage('weights', 'arrayMaxSize', 'weights must contain no more than 7 elements')).toBe(
      'Die Liste der Gewichte darf höchstens 7 Einträge haben.',
    );
  });

  it('and in English, without any German or API name in it', () => {
    expect(englishValidationMessage('options.limit', 'min', 'limit must not be less than 1')).toBe('The number of results must not be less than 1.');
    expect(englishValidationMessage('maxDistanceKm', 'max', 'maxDistanceKm must not be greater than 500')).toBe(
      'The radius (km) must not be greater than 500.',
    );
  });

  it('fall back to a quoted field name and a generic sentence for what they do not know', () => {
    expect(germanValidationMessage('limit', 'isInt', 'limit must be an integer number')).toBe('Die Anzahl der Ergebnisse muss eine ganze Zahl sein.');
    expect(germanValidationMessage('x', 'somethingNew', 'x is odd')).toBe('Das Feld „x“ ist ungültig.');
    expect(fieldLabel('x', 'en')).toBe('The field "x"');
  });
});
