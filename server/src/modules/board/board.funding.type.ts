import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { FundingCheckKey as EngineKey, FundingCheckState as EngineState } from '../../matching/funding-check';
import { CooperationStatus } from '../../shared/enums';
import { FundingEstimate } from '../matching/matching.type';
import { Municipality } from '../municipalities/municipality.type';

// The enums mirror the engine's string unions (server/src/matching/funding-check.ts); the two constants below fail
// to compile if one gains a value the other lacks.
export enum FundingCheckKey {
  NEW_COOPERATION = 'NEW_COOPERATION',
  PARTNERS = 'PARTNERS',
  FIVE_YEAR_COMMITMENT = 'FIVE_YEAR_COMMITMENT',
  SAVING_OR_IMPROVEMENT = 'SAVING_OR_IMPROVEMENT',
}
export enum FundingCheckState {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  TO_DECLARE = 'TO_DECLARE',
}
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const FUNDING_CHECK_KEYS_MIRROR_THE_ENGINE: Same<EngineKey, `${FundingCheckKey}`> = true;
export const FUNDING_CHECK_STATES_MIRROR_THE_ENGINE: Same<EngineState, `${FundingCheckState}`> = true;

registerEnumType(FundingCheckKey, {
  name: 'FundingCheckKey',
  description:
    'The conditions of the Förderrichtlinie IKZ NRW: NEW_COOPERATION (the partners do not already cooperate in the task), PARTNERS (two NRW partners, or one with a partner from a neighbouring Land), FIVE_YEAR_COMMITMENT and SAVING_OR_IMPROVEMENT (15 %), the last two declared by the municipalities',
});
registerEnumType(FundingCheckState, {
  name: 'FundingCheckState',
  description: 'MET / NOT_MET: computed from the register and the geography; TO_DECLARE: a declaration the municipalities make, never computed',
});

@ObjectType({ description: 'One condition of the Förderrichtlinie IKZ NRW, checked or to be declared' })
export class FundingCheckItem {
  @Field(() => FundingCheckKey) key!: FundingCheckKey;
  @Field(() => FundingCheckState) state!: FundingCheckState;
  @Field(() => String) labelDe!: string;
  @Field(() => String) labelEn!: string;
  @Field(() => String, { description: 'Why, naming the partners and cooperations concerned, in German' }) reasonDe!: string;
  @Field(() => String) reasonEn!: string;
}

@ObjectType({ description: 'A cooperation in the idea’s task that two or more of the group already belong to' })
export class FundingCheckCooperation {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => CooperationStatus) status!: CooperationStatus;
  @Field(() => Boolean, { description: 'The register’s confidence is LOW' }) unconfirmed!: boolean;
  @Field(() => Boolean, {
    description: 'In force (active or unclear): the partners already cooperate in the task. Ended ones do not block; planned ones are named, not blocking',
  })
  blocks!: boolean;
  @Field(() => [Municipality], { description: 'The members of the group in it' }) members!: Municipality[];
}

@ObjectType({ description: 'The funding check of an idea for a chosen group of partners (Förderrichtlinie IKZ NRW)' })
export class FundingCheck {
  @Field(() => [Municipality], { description: 'The partners checked, in the order given (the owner is not among them)' }) partners!: Municipality[];
  @Field(() => [FundingCheckItem], { description: 'The four conditions, in the order of the Förderrichtlinie' }) items!: FundingCheckItem[];
  @Field(() => [FundingCheckCooperation], { description: 'Cooperations in the task among the group (ended and planned ones too)' })
  existingCooperations!: FundingCheckCooperation[];
  @Field(() => FundingEstimate, { description: 'The grant for the group, by the engine’s one funding rule' }) estimate!: FundingEstimate;
  @Field(() => Int, { nullable: true }) projectCostEur!: number | null;
  @Field(() => Int, { description: 'Members of the group from NRW, the owner included' }) nrwPartners!: number;
  @Field(() => Int, { description: 'Members of the group from a neighbouring Land' }) otherPartners!: number;
  @Field(() => Boolean, { description: 'Every computed condition is met and a grant results: eligible once the two declarations are made' })
  eligibleOnceDeclared!: boolean;
}
