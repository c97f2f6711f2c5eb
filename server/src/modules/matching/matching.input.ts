import { ArrayMaxSize, IsIn, IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { COMPONENT_KEYS } from '../../matching/components';
import { MAX_WEIGHT } from '../../matching/weights';
import { ScoreComponentKey, SizeFit } from '../../shared/enums';

/** What a search returns when the options do not say (the service and the query-cost estimate both read these). */
export const DEFAULT_LIMITS = { partners: 10, coalitions: 5, coalitionMaxSize: 5, joinable: 20 } as const;

@InputType({ description: 'A weight override for one score component; components not named keep the task default' })
export class WeightInput {
  @Field(() => ScoreComponentKey) @IsIn(COMPONENT_KEYS) key!: ScoreComponentKey;
  @Field(() => Float, { description: `0–${MAX_WEIGHT}` }) @IsNumber() @Min(0) @Max(MAX_WEIGHT) weight!: number;
}

@InputType({ description: 'Options of a partner search' })
export class PartnerOptions {
  @Field(() => Int, { nullable: true, description: 'How many candidates (1–50, default 10)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;

  @Field(() => [WeightInput], { nullable: true, description: 'Weight overrides, one per component at most' })
  @IsOptional()
  @ArrayMaxSize(COMPONENT_KEYS.length)
  @ValidateNested({ each: true })
  weights?: WeightInput[];

  @Field(() => Int, { nullable: true, description: 'Population the cooperation should reach; default: the efficient scale of the task' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20_000_000)
  targetPopulation?: number;

  @Field(() => Float, { nullable: true, description: 'Search radius in km (1–500); default 40 where proximity matters, else 100' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(500)
  maxDistanceKm?: number;

  @Field(() => SizeFit, { nullable: true, description: 'Override the size constellation the task prefers' })
  @IsOptional()
  @IsIn(Object.values(SizeFit))
  sizeFit?: SizeFit;

  @Field(() => Int, { nullable: true, description: 'Project cost in €, to compute the grant (at most 90 % of it)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  projectCostEur?: number;
}

@InputType({ description: 'Options of a coalition search' })
export class CoalitionOptions extends PartnerOptions {
  @Field(() => Int, { nullable: true, description: 'Smallest group including the municipality itself (2–6, default 2)' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(6)
  minSize?: number;

  @Field(() => Int, { nullable: true, description: 'Largest group (2–6, default 5)' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(6)
  maxSize?: number;
}

@InputType({ description: 'Options of the search for cooperations to join' })
export class JoinableOptions {
  @Field(() => Float, { nullable: true, description: 'Radius in km (1–500)' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(500)
  maxDistanceKm?: number;

  @Field(() => Int, { nullable: true, description: '1–50, default 20' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
