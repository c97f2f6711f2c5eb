import { describe, expect, it } from 'vitest';
import { searchName } from './search-name';

describe('searchName', () => {
  it.each([
    ['Köln', 'koln'],
    ['koln', 'koln'],
    ['Koeln', 'koln'],
    ['Köln, Stadt', 'koln'],
    ['Münster', 'munster'],
    ['muenster', 'munster'],
    ['Mülheim an der Ruhr', 'mulheim an der ruhr'],
    ['Bad Berleburg, Stadt', 'bad berleburg'],
    ['Weißenthurm', 'weissenthurm'],
  ])('%s → %s', (input, expected) => {
    expect(searchName(input)).toBe(expected);
  });
});
