import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { LegalForm, Provenance } from '../../shared/enums';
import { Municipality } from '../municipalities/municipality.type';
import { TaskArea } from '../task-areas/task-area.type';

export const ATTRIBUTION =
  'Verwaltungsgrenzen: © GeoBasis-DE / BKG 2016 (Daten verändert), dl-de/by-2.0; Statistik: Statistisches Bundesamt (Destatis), GV100AD, Gebietsstand 30.11.2023, dl-de/by-2.0; Kooperationen: Register des Kooperationsatlas NRW, aus öffentlichen Quellen recherchiert (je Datensatz mit Quelle und Verlässlichkeit)';

/** The same in English, for the app's English pages (the exports carry the German one). */
export const ATTRIBUTION_EN =
  'Administrative boundaries: © GeoBasis-DE / BKG 2016 (data modified), dl-de/by-2.0; statistics: Federal Statistical Office (Destatis), GV100AD, boundaries as of 30 Nov 2023, dl-de/by-2.0; cooperations: register of the Kooperationsatlas NRW, researched from public sources (each record with its source and confidence)';

@InputType({ description: 'Which cooperations make up the network' })
export class NetworkFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[a-z][a-z0-9_]{0,40}$/) taskArea?: string;
  @Field(() => LegalForm, { nullable: true }) @IsOptional() @IsIn(Object.values(LegalForm)) legalForm?: LegalForm;
  @Field(() => Provenance, { nullable: true }) @IsOptional() @IsIn(Object.values(Provenance)) provenance?: Provenance;
}

@ObjectType({ description: 'A municipality in the cooperation network with its metrics' })
export class NetworkNode {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => Int, { nullable: true, description: 'Louvain community, numbered by size from 1 (1 = largest); null without any tie under the filter' })
  community!: number | null;
  @Field(() => Int, { description: 'Number of municipalities it cooperates with' }) degree!: number;
  @Field(() => Int, { description: 'Number of shared cooperations, summed over its ties' }) weightedDegree!: number;
  @Field(() => Float, { description: 'Normalised betweenness centrality' }) betweenness!: number;
  @Field(() => Float, { description: 'Layout position (ForceAtlas2)' }) x!: number;
  @Field(() => Float) y!: number;
}

@ObjectType({ description: 'Two municipalities that share cooperations' })
export class NetworkEdge {
  @Field(() => ID) source!: string;
  @Field(() => ID) target!: string;
  @Field(() => Int, { description: 'How many cooperations they share' }) weight!: number;
}

@ObjectType({ description: 'How densely the municipalities of a Kreis cooperate with each other' })
export class DistrictDensity {
  @Field(() => ID) districtKey!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) municipalities!: number;
  @Field(() => Int) internalTies!: number;
  @Field(() => Float) density!: number;
}

@ObjectType()
export class CooperationNetwork {
  @Field(() => String, { description: 'Date of the data (ISO)' }) snapshotDate!: string;
  @Field(() => String, { description: 'Data attribution (German)' }) attribution!: string;
  @Field(() => String, { description: 'Data attribution (English)' }) attributionEn!: string;
  @Field(() => Int, { description: 'Communities of municipalities with ties' }) communityCount!: number;
  @Field(() => Int, { description: 'Municipalities without any tie under the filter' }) isolatedCount!: number;
  @Field(() => Float) modularity!: number;
  @Field(() => [NetworkNode]) nodes!: NetworkNode[];
  @Field(() => [NetworkEdge]) edges!: NetworkEdge[];
  @Field(() => [DistrictDensity]) districts!: DistrictDensity[];
}

@ObjectType({ description: 'A municipality doing a task alone while most of its neighbours cooperate in it' })
export class CooperationGap {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => Int) neighbours!: number;
  @Field(() => Int) cooperatingNeighbours!: number;
  @Field(() => Float) share!: number;
}

@ObjectType({ description: 'A municipality that already performs the task for others: a candidate host for a shared service centre' })
export class HostCandidate {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => [Municipality], { description: 'The municipalities it already serves' }) catchment!: Municipality[];
  @Field(() => Int) catchmentPopulation!: number;
  @Field(() => [String]) cooperations!: string[];
}

@ObjectType({ description: 'A task area the municipality does alone while most of its NRW neighbours cooperate in it: an opening for cooperation' })
export class CooperationOpening {
  @Field(() => TaskArea) taskArea!: TaskArea;
  @Field(() => Int, { description: 'Its NRW neighbours' }) neighbours!: number;
  @Field(() => Int, { description: 'Of those, how many cooperate in the task' }) cooperatingNeighbours!: number;
  @Field(() => Float, { description: 'cooperatingNeighbours / neighbours, more than 0.5' }) share!: number;
}

@InputType({ description: 'Narrows the gap analysis to a Kreis or a Regierungsbezirk (both optional)' })
export class GapFilter {
  @Field(() => String, { nullable: true, description: '5-digit Kreis key (a kreisfreie Stadt is its own)' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  districtKey?: string;

  @Field(() => String, { nullable: true, description: '3-digit Regierungsbezirk key' })
  @IsOptional()
  @Matches(/^\d{3}$/)
  regionKey?: string;
}

@ObjectType()
export class GapAnalysis {
  @Field(() => String) taskArea!: string;
  @Field(() => Int, { description: 'Municipalities in at least one cooperation covering the task' }) cooperatingCount!: number;
  @Field(() => [CooperationGap]) gaps!: CooperationGap[];
  @Field(() => [HostCandidate]) hosts!: HostCandidate[];
}
