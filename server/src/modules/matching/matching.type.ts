import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Confidence, CooperationStatus, LegalForm, Provenance, ScoreComponentKey, ScoreStrength } from '../../shared/enums';
import { Municipality } from '../municipalities/municipality.type';
import { TaskArea } from '../task-areas/task-area.type';
import { CooperationMember } from '../cooperations/cooperation.type';

@ObjectType({ description: 'A score component as the engine defines it: its names, what it measures and where it comes from' })
export class ScoreComponentInfo {
  @Field(() => ScoreComponentKey) key!: ScoreComponentKey;
  @Field(() => String) labelDe!: string;
  @Field(() => String) labelEn!: string;
  @Field(() => String, { description: 'What it measures, in German' }) descriptionDe!: string;
  @Field(() => String, { description: 'What it measures, in English' }) descriptionEn!: string;
  @Field(() => String, { description: 'Where the factor comes from, in German' }) source!: string;
  @Field(() => String, { description: 'Where the factor comes from, in English' }) sourceEn!: string;
}

@ObjectType({ description: 'One named part of a score' })
export class ScoreComponent {
  @Field(() => ScoreComponentKey) key!: ScoreComponentKey;
  @Field(() => Float, { description: 'Strength of the factor, 0–1' }) rawValue!: number;
  @Field(() => ScoreStrength, { description: 'stark / mittel / schwach' }) strength!: ScoreStrength;
  @Field(() => Float) weight!: number;
  @Field(() => Float, { description: 'Points of the 0–100 score: 100 × weight × rawValue / sum of the weights' }) points!: number;
  @Field(() => String, { description: 'Why it counts, in German' }) reasonDe!: string;
  @Field(() => String, { description: 'Why it counts, in English' }) reasonEn!: string;
  @Field(() => ScoreComponentInfo) info!: ScoreComponentInfo;
}

@ObjectType({ description: 'Estimate under the NRW IKZ funding rule (a fact beside the ranking)' })
export class FundingEstimate {
  @Field(() => Boolean) eligible!: boolean;
  @Field(() => Int) nrwPartners!: number;
  @Field(() => Boolean, { description: 'A partner outside NRW: 75,000 € with a single NRW partner' }) crossBorder!: boolean;
  @Field(() => Int, { description: 'Maximum grant in € (at most 90 % of the project cost, when given)' }) maxGrantEur!: number;
  @Field(() => String) reasonDe!: string;
  @Field(() => String) reasonEn!: string;
}

@ObjectType({ description: 'A cooperation the two already share' })
export class SharedCooperation {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) taskAreaIds!: string[];
  @Field(() => CooperationStatus) status!: CooperationStatus;
  @Field(() => Int, { description: 'Municipal members: a small body says more about a pair than a Kreis-wide one' }) municipalMembers!: number;
}

@ObjectType({ description: 'A LEADER or regional-development region' })
export class DevelopmentRegionRef {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'e.g. "LEADER 2023-2027", "VITAL.NRW", "REGIONALE"' }) kind!: string;
}

@ObjectType({ description: 'The facts behind a score' })
export class CandidateFacts {
  @Field(() => Float, { description: 'Between the centroids' }) distanceKm!: number;
  @Field(() => Int, { nullable: true, description: 'Shortest path over shared borders' }) hops!: number | null;
  @Field(() => Float, { nullable: true, description: 'Shared border in km; null if none' }) sharedBorderKm!: number | null;
  @Field(() => Boolean) touchOnly!: boolean;
  @Field(() => Boolean) sameDistrict!: boolean;
  @Field(() => String, { nullable: true, description: 'The Kreis both belonged to before the 1966–1975 reform' }) sharedAltkreis!: string | null;
  @Field(() => [DevelopmentRegionRef]) sharedRegions!: DevelopmentRegionRef[];
  @Field(() => [SharedCooperation]) sharedCooperations!: SharedCooperation[];
  @Field(() => Int, { description: 'Municipalities cooperating with both' }) sharedPartners!: number;
  @Field(() => Int, { description: 'Cooperations in the task where the candidate is the host' }) hostsTask!: number;
  @Field(() => Int, { description: 'Cooperations in the task the candidate belongs to' }) memberInTask!: number;
  @Field(() => Int) combinedPopulation!: number;
  @Field(() => Boolean, { description: 'The candidate lies in a neighbouring Land' }) crossBorder!: boolean;
}

@ObjectType({ description: 'A ranked partner candidate with the reasons for its rank' })
export class PartnerCandidate {
  @Field(() => Int) rank!: number;
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => Float, { description: '0–100' }) score!: number;
  @Field(() => [ScoreComponent]) components!: ScoreComponent[];
  @Field(() => CandidateFacts) facts!: CandidateFacts;
  @Field(() => FundingEstimate) funding!: FundingEstimate;
}

@ObjectType({ description: 'The weight a ranking used for one component, and its default for the task area' })
export class AppliedWeight {
  @Field(() => ScoreComponentKey) key!: ScoreComponentKey;
  @Field(() => Float) weight!: number;
  @Field(() => Float, { description: 'Fitted on the register (docs/matching.md)' }) defaultWeight!: number;
  @Field(() => ScoreComponentInfo) info!: ScoreComponentInfo;
}

@ObjectType()
export class PartnerSuggestions {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => TaskArea) taskArea!: TaskArea;
  @Field(() => [AppliedWeight], { description: "One per score component, in the engine's order" }) weights!: AppliedWeight[];
  @Field(() => Float) maxDistanceKm!: number;
  @Field(() => Int) targetPopulation!: number;
  @Field(() => Int, { nullable: true, description: 'The project cost the funding estimate uses' }) projectCostEur!: number | null;
  @Field(() => Int, { description: 'Municipalities within reach that were scored' }) consideredCount!: number;
  @Field(() => [Municipality], { description: 'Left out: they already cooperate with the municipality in this task' }) existingPartners!: Municipality[];
  @Field(() => [PartnerCandidate]) candidates!: PartnerCandidate[];
}

@ObjectType({ description: 'A proposed group of partners including the municipality itself' })
export class Coalition {
  @Field(() => Int) rank!: number;
  @Field(() => [Municipality]) members!: Municipality[];
  @Field(() => Float, { description: '0–100' }) score!: number;
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
  @Field(() => CooperationStatus) status!: CooperationStatus;
  @Field(() => Confidence, { description: 'How sure the register is; LOW records are unconfirmed' }) confidence!: Confidence;
  @Field(() => String, { nullable: true, description: 'Public source of the record' }) sourceUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'Date of the source' }) sourceDate!: string | null;
  @Field(() => Float, { description: 'To the nearest member (0 if the own Kreis is a member)' }) distanceKm!: number;
  @Field(() => Municipality, { nullable: true }) nearestMember!: Municipality | null;
  @Field(() => Boolean, { description: "The municipality's own Kreis is a member" }) viaDistrict!: boolean;
  @Field(() => Int) memberCount!: number;
  @Field(() => [CooperationMember]) members!: CooperationMember[];
}
