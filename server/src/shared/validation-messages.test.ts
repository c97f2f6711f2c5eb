import { describe, expect, it } from 'vitest';
import { germanValidationMessage } from './validation-messages';

describe('germanValidationMessage', () => {
  it('carries the limit over from the English message', () => {
    expect(germanValidationMessage('maxDistanceKm', 'min', 'maxDistanceKm must not be less than 1')).toBe('„maxDistanceKm“ darf nicht kleiner als 1 sein.');
    expect(germanValidationMessage('weights.proximity', 'max', 'proximity must not be greater than 10')).toBe('„weights.proximity“ darf nicht größer als 10 sein.');
    expect(germanValidationMessage('search', 'maxLength', 'search must be shorter than or equal to 80 characters')).toBe('„search“ darf höchstens 80 Zeichen lang sein.');
  });

  it('words the other rules and falls back to "ist ungültig"', () => {
    expect(germanValidationMessage('limit', 'isInt', 'limit must be an integer number')).toBe('„limit“ muss eine ganze Zahl sein.');
    expect(germanValidationMessage('x', 'somethingNew', 'x is odd')).toBe('„x“ ist ungültig.');
  });
});
