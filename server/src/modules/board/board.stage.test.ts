import { describe, expect, it } from 'vitest';
import { nextStages, stagesBefore } from './board.service';
import { IdeaStage } from './board.type';

const { IDEA, TALKS, LETTER_OF_INTENT, AGREEMENT, IMPLEMENTED, FUNDED, DISCONTINUED } = IdeaStage;

describe('the stage pipeline (docs/decisions/017)', () => {
  it('moves forward by one or more steps, never back', () => {
    expect(nextStages(IDEA)).toEqual([TALKS, LETTER_OF_INTENT, AGREEMENT, DISCONTINUED]);
    expect(nextStages(TALKS)).toEqual([LETTER_OF_INTENT, AGREEMENT, DISCONTINUED]);
    expect(nextStages(LETTER_OF_INTENT)).toEqual([AGREEMENT, DISCONTINUED]);
  });

  it('reaches umgesetzt / gefördert only from the agreement, and nothing follows a final stage', () => {
    expect(nextStages(AGREEMENT)).toEqual([IMPLEMENTED, FUNDED, DISCONTINUED]);
    expect(stagesBefore(IMPLEMENTED)).toEqual([AGREEMENT]);
    expect(stagesBefore(FUNDED)).toEqual([AGREEMENT]);
    for (const final of [IMPLEMENTED, FUNDED, DISCONTINUED]) expect(nextStages(final)).toEqual([]);
  });

  it('never goes back to the first stage', () => {
    expect(stagesBefore(IDEA)).toEqual([]);
    expect(stagesBefore(DISCONTINUED)).toEqual([IDEA, TALKS, LETTER_OF_INTENT, AGREEMENT]);
  });
});
