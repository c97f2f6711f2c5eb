import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The base layer of the web maps, derived from the municipality boundaries (no third-party tiles)' })
export class MapBase {
  @Field(() => String, { description: 'The Land (NRW) as a GeoJSON MultiPolygon, as JSON text (WGS84)' }) land!: string;
  @Field(() => String, { description: 'Borders between Kreise and kreisfreie Städte, a GeoJSON MultiLineString as JSON text (WGS84)' })
  districtBorders!: string;
  @Field(() => String, { description: 'Import the layer was derived from: clients may cache it until this changes' }) version!: string;
}
