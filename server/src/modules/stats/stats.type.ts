import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Counts of what the graph holds, read live from Neo4j.' })
export class Stats {
  @Field(() => Int) municipalities!: number;
  @Field(() => Int) districts!: number;
  @Field(() => Int, { description: 'Pairs of municipalities that share a border (or touch at a point).' }) borders!: number;
  @Field(() => Int) taskAreas!: number;
  @Field(() => Int) cooperations!: number;
  @Field(() => Int, { description: 'Cooperations compiled from public sources (provenance RESEARCHED or OFFICIAL).' }) cooperationsResearched!: number;
  @Field(() => Int, { description: 'Cooperations produced by the seeded generator (provenance GENERATED).' }) cooperationsGenerated!: number;
  @Field(() => Float, { description: 'Total population of all municipalities.' }) population!: number;
}
