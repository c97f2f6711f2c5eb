import { Field, Float, Int, ObjectType } from 'type-graphql';

/** About 1,500 öffentlich-rechtliche Vereinbarungen and 250 Zweckverbände exist in NRW (PRODUCT.md, SOURCES.md). */
export const ESTIMATED_COOPERATIONS_IN_NRW = 1750;

@ObjectType({ description: 'Counts of what the graph holds, read live from Neo4j.' })
export class Stats {
  @Field(() => Int, { description: 'NRW municipalities (without the neighbours across the Land border)' }) municipalities!: number;
  @Field(() => Int, { description: 'Municipalities of neighbouring Länder near NRW, imported as partner candidates' }) crossBorderMunicipalities!: number;
  @Field(() => Int, { description: 'NRW Kreise and kreisfreie Städte' }) districts!: number;
  @Field(() => Int, { description: 'Pairs of NRW municipalities that share a border (or touch at a point).' }) borders!: number;
  @Field(() => Int) taskAreas!: number;
  @Field(() => Int, { description: 'Cooperations in the register' }) cooperations!: number;
  @Field(() => Int, { description: 'Of which active or of unclear status (not ended or planned)' }) cooperationsInForce!: number;
  @Field(() => Int, { description: 'Of which unconfirmed (confidence LOW, inferred from the name or similar)' }) cooperationsUnconfirmed!: number;
  @Field(() => Int, { description: 'Generated cooperations: 0 except in the synthetic benchmark dataset' }) cooperationsGenerated!: number;
  @Field(() => Int, { description: 'About how many cooperations exist in NRW (≈1,500 öffentlich-rechtliche Vereinbarungen, ≈250 Zweckverbände)' })
  estimatedCooperationsInNrw!: number;
  @Field(() => String, { description: 'REGISTER (the real register) or SYNTHETIC (benchmark data, never shown to users)' }) datasetKind!: string;
  @Field(() => Float, { description: 'Total population of the NRW municipalities.' }) population!: number;
}
