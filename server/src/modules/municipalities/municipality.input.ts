import { IsBoolean, IsIn, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { MunicipalitySort, MunicipalityType, SortDirection } from '../../shared/enums';

@InputType({ description: 'Filters for the municipality list; all optional and combined with AND' })
export class MunicipalityFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Name search that forgives case, umlauts and suffixes; digits search the AGS (8) or the postcode (5), from the start',
  })
  @IsOptional()
  @MaxLength(80)
  search?: string;

  @Field(() => String, { nullable: true, description: '5-digit Kreis key' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  districtKey?: string;

  @Field(() => String, { nullable: true, description: '3-digit Regierungsbezirk key' })
  @IsOptional()
  @Length(3, 3)
  regionKey?: string;

  @Field(() => MunicipalityType, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(MunicipalityType))
  type?: MunicipalityType;

  @Field(() => Boolean, { nullable: true, description: 'Include the municipalities of neighbouring Länder (default false: NRW only)' })
  @IsOptional()
  @IsBoolean()
  includeCrossBorder?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  minPopulation?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  maxPopulation?: number;
}

@InputType()
export class MunicipalityOrder {
  @Field(() => MunicipalitySort, { defaultValue: MunicipalitySort.NAME }) by!: MunicipalitySort;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}
