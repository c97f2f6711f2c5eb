import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LegalForm, Provenance, ScoreComponentKey } from '../../shared/enums';
import { Municipality } from '../municipalities/municipality.type';
import { TaskArea } from '../task-areas/task-area.type';
import { CooperationMember } from '../cooperations/cooperation.type';

@ObjectType({ description: 'One named part of a score' })
export class ScoreComponent {
  @Field(() => ScoreComponentKey) key!: ScoreComponentKey;
  @Field(() => Float, { description: 'Strength of the factor, 0–1' }) rawValue!: number;
  @Field(() => Float) weight!: number;
  @Field(() => Float, { description: 'rawValue × weight' }) contribution!: number;
  @Field(() => String, { description: 'Why it counts, in German' }) reasonDe!: string;
  @Field(() => String, { description: 'Why it counts, in English' }) reasonEn!: string;
  @Field(() => String, { description: 'Where the factor comes from' }) source!: string;
}

@ObjectType({ description: 'Estimate under the NRW IKZ funding rule' })
export class FundingEstimate {
  @Field(() => Boolean) eligible!: boolean;
  @Field(() => Int) nrwPartners!: number;
  @Field(() => Int, { description: 'Maximum grant in €' }) maxGrantEur!: number;
  @Field(() => String) reasonDe!: string;
  @Field(() => String) reasonEn!: string;
}

@ObjectType({ description: 'A cooperation the two already share' })
export class SharedCooperation {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) taskAreaIds!: string[];
}

@ObjectType({ description: 'The facts behind a score' })
export class CandidateFacts {
  @Field(() => Float, { description: 'Between the centroids' }) distanceKm!: number;
  @Field(() => Int, { nullable: true, description: 'Shortest path over shared borders' }) hops!: number | null;
  @Field(() => Float, { nullable: true, description: 'Shared border in km; null if none' }) sharedBorderKm!: number | null;
  @Field(() => Boolean) touchOnly!: boolean;
  @Field(() => Boolean) sameDistrict!: boolean;
  @Field(() => [SharedCooperation]) sharedCooperations!: SharedCooperation[];
  @Field(() => Int, { description: 'Municipalities cooperating with both' }) sharedPartners!: number;
  @Field(() => Int, { description: 'Cooperations in the task where the candidate is the host' }) hostsTask!: number;
  @Field(() => Int, { description: 'Cooperations in the task the candidate belongs to' }) memberInTask!: number;
  @Field(() => Int) combinedPopulation!: number;
}

@ObjectType({ description: 'A ranked partner candidate with the reasons for its rank' })
export class PartnerCandidate {
  @Field(() => Int) rank!: number;
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => Float) score!: number;
  @Field(() => [ScoreComponent]) components!: ScoreComponent[];
  @Field(() => CandidateFacts) facts!: CandidateFacts;
  @Field(() => FundingEstimate) funding!: FundingEstimate;
}

@ObjectType({ description: 'The weights a ranking used' })
export class AppliedWeights {
  @Field(() => Float) proximity!: number;
  @Field(() => Float) existingTies!: number;
  @Field(() => Float) experience!: number;
  @Field(() => Float) sizeFit!: number;
  @Field(() => Float) sameDistrict!: number;
  @Field(() => Float) funding!: number;
}

@ObjectType()
export class PartnerSuggestions {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => TaskArea) taskArea!: TaskArea;
  @Field(() => AppliedWeights) weights!: AppliedWeights;
  @Field(() => AppliedWeights, { description: 'The defaults of this task area' }) defaultWeights!: AppliedWeights;
  @Field(() => Float) maxDistanceKm!: number;
  @Field(() => Int) targetPopulation!: number;
  @Field(() => Int, { description: 'Municipalities within reach that were scored' }) consideredCount!: number;
  @Field(() => [Municipality], { description: 'Left out: they already cooperate with the municipality in this task' }) existingPartners!: Municipality[];
  @Field(() => [PartnerCandidate]) candidates!: PartnerCandidate[];
}

@ObjectType({ description: 'A proposed group of partners including the municipality itself' })
export class Coalition {
  @Field(() => Int) rank!: number;
  @Field(() => [Municipality]) members!: Municipality[];
  @Field(() => Float) score!: number;
  @Field(() => [ScoreComponent]) components!: ScoreComponent[];
  @Field(() => Int) combinedPopulation!: number;
  @Field(() => Boolean) reachesTarget!: boolean;
  @Field(() => Boolean, { description: 'All members are linked through shared borders' }) connected!: boolean;
  @Field(() => FundingEstimate) funding!: FundingEstimate;
}

@ObjectType()
export class CoalitionSuggestions {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => TaskArea) taskArea!: TaskArea;
  @Field(() => Int) targetPopulation!: number;
  @Field(() => [Coalition]) coalitions!: Coalition[];
}

@ObjectType({ description: 'An existing cooperation in the task near the municipality that it could join' })
export class JoinableCooperation {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => LegalForm) legalForm!: LegalForm;
  @Field(() => Provenance) provenance!: Provenance;
  @Field(() => Float, { description: 'To the nearest member (0 if the own Kreis is a member)' }) distanceKm!: number;
  @Field(() => Municipality, { nullable: true }) nearestMember!: Municipality | null;
  @Field(() => Boolean, { description: "The municipality's own Kreis is a member" }) viaDistrict!: boolean;
  @Field(() => Int) memberCount!: number;
  @Field(() => [CooperationMember]) members!: CooperationMember[];
}
