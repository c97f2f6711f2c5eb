import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { MunicipalityFilter, MunicipalityOrder } from './municipality.input';
import { CooperationOpening } from '../network/network.type';
import { District, Municipality, MunicipalityConnection, Neighbour, Region } from './municipality.type';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => MunicipalityConnection, { description: 'Municipalities, searchable and filterable, in pages of at most 100' })
  municipalities(
    @Ctx() ctx: Context,
    @Arg('filter', () => MunicipalityFilter, { nullable: true }) filter?: MunicipalityFilter,
    @Arg('orderBy', () => MunicipalityOrder, { nullable: true }) orderBy?: MunicipalityOrder,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<MunicipalityConnection> {
    return ctx.services.municipalities.list(filter, orderBy, first, after, ctx.queryCounter);
  }

  @Query(() => Municipality, { description: 'One municipality by its AGS; NOT_FOUND if there is none' })
  municipality(@Ctx() ctx: Context, @Arg('ags', () => ID) ags: string): Promise<Municipality> {
    return ctx.services.municipalities.byAgs(ags, ctx.loaders.municipalities);
  }

  @Query(() => [District], { description: 'The Kreise and kreisfreie Städte of NRW, by name' })
  districts(@Ctx() ctx: Context): Promise<District[]> {
    return ctx.services.municipalities.nrwDistricts(ctx.queryCounter);
  }

  @FieldResolver(() => [CooperationOpening], { description: 'Task areas it does alone while most of its NRW neighbours cooperate in them (empty outside NRW)' })
  cooperationOpenings(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<CooperationOpening[]> {
    return ctx.services.network.openings(municipality.ags, ctx.queryCounter);
  }

  @FieldResolver(() => District, { nullable: true })
  district(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<District | null> {
    return ctx.loaders.municipalities.district.load(municipality.districtKey);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<Region | null> {
    return municipality.regionKey ? ctx.loaders.municipalities.region.load(municipality.regionKey) : Promise.resolve(null);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Boundary simplified for web maps: a GeoJSON geometry as JSON text (WGS84)' })
  boundary(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.loaders.municipalities.boundary.load(municipality.ags);
  }

  @FieldResolver(() => [Neighbour], { description: 'Municipalities sharing a border, longest shared border first' })
  neighbours(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<Neighbour[]> {
    return ctx.loaders.municipalities.neighbours.load(municipality.ags);
  }
}

@Resolver(() => District)
export class DistrictResolver {
  @FieldResolver(() => Region, { nullable: true })
  region(@Root() district: District, @Ctx() ctx: Context): Promise<Region | null> {
    return district.regionKey ? ctx.loaders.municipalities.region.load(district.regionKey) : Promise.resolve(null);
  }
}
