import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DistrictType, MunicipalityType } from '../../shared/enums';
import { PageInfo } from '../../shared/pagination';

@ObjectType({ description: 'WGS84 coordinates' })
export class GeoPoint {
  @Field(() => Float) longitude!: number;
  @Field(() => Float) latitude!: number;
}

@ObjectType({ description: 'A Regierungsbezirk' })
export class Region {
  @Field(() => ID) key!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'A Kreis, kreisfreie Stadt or Städteregion' })
export class District {
  @Field(() => ID, { description: '5-digit key' }) key!: string;
  @Field(() => String) name!: string;
  @Field(() => DistrictType) type!: DistrictType;
  regionKey!: string | null;
}

@ObjectType({ description: 'A municipality (Gemeinde) keyed by its AGS' })
export class Municipality {
  @Field(() => ID, { description: 'Amtlicher Gemeindeschlüssel, 8 digits' }) ags!: string;
  @Field(() => String, { description: 'Official name, e.g. "Köln, Stadt"' }) name!: string;
  @Field(() => String, { description: 'Short name, e.g. "Köln"' }) shortName!: string;
  @Field(() => MunicipalityType) type!: MunicipalityType;
  @Field(() => Int) population!: number;
  @Field(() => String, { description: 'Reference date of the population (ISO date)' }) populationDate!: string;
  @Field(() => Float) areaKm2!: number;
  @Field(() => Float, { description: 'Inhabitants per km²' }) density!: number;
  @Field(() => String, { nullable: true }) postcode!: string | null;
  @Field(() => GeoPoint, { nullable: true }) centroid!: GeoPoint | null;
  @Field(() => String, { description: 'Two-digit key of the Land (05 = Nordrhein-Westfalen)' }) stateKey!: string;
  @Field(() => String, { nullable: true, description: 'Name of the Land' }) stateName!: string | null;
  @Field(() => Boolean, {
    description: 'A municipality of a neighbouring Land near NRW, imported as a partner candidate; its cooperations are not in the register',
  })
  crossBorder!: boolean;
  @Field(() => String, { nullable: true, description: 'The Kreis (or kreisfreie Stadt) its main town belonged to before the 1966–1975 reform' }) altkreis!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Gemeindeverband it belongs to (e.g. a Samtgemeinde or Verbandsgemeinde), where one exists' })
  associationName!: string | null;
  districtKey!: string;
  regionKey!: string | null;
}

@ObjectType({ description: 'A municipality sharing a border' })
export class Neighbour {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => Float, { description: 'Length of the shared border in km (0 for a point touch)' }) lengthKm!: number;
  @Field(() => Boolean, { description: 'True when the two only touch at a single point' }) touch!: boolean;
}

@ObjectType()
export class MunicipalityEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Municipality) node!: Municipality;
}

@ObjectType()
export class MunicipalityConnection {
  @Field(() => [MunicipalityEdge]) edges!: MunicipalityEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
