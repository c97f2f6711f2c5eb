import type { Database, QueryCounter } from '../../db/database';
import { keyedLoader } from '../../db/loader';
import type { MunicipalitySort, SortDirection } from '../../shared/enums';
import type { District, Municipality, Neighbour, Region } from './municipality.type';
import {
  BOUNDARIES_BY_AGS,
  DISTRICTS_BY_KEY,
  listMunicipalities,
  MUNICIPALITIES_BY_AGS,
  NEIGHBOURS_BY_AGS,
  NRW_DISTRICTS,
  REGIONS_BY_KEY,
  SORT_PROPERTIES,
} from './municipality.queries';

export interface MunicipalityQuery {
  search: string | null;
  /** 2–8 digits: the start of an AGS or a postcode. */
  digits: string | null;
  includeCrossBorder: boolean;
  districtKey: string | null;
  regionKey: string | null;
  type: string | null;
  minPopulation: number | null;
  maxPopulation: number | null;
  sort: MunicipalitySort;
  direction: SortDirection;
  skip: number;
  limit: number;
}

export class MunicipalityRepository {
  constructor(private readonly db: Database) {}

  async list(query: MunicipalityQuery, counter?: QueryCounter): Promise<{ total: number; page: Municipality[] }> {
    const { sort, direction, ...params } = query;
    const result = await this.db.read(listMunicipalities(SORT_PROPERTIES[sort], direction), params, counter);
    const row = result.records[0]!;
    return { total: row.get('total') as number, page: row.get('page') as Municipality[] };
  }

  async nrwDistricts(counter?: QueryCounter): Promise<District[]> {
    const result = await this.db.read(NRW_DISTRICTS, {}, counter);
    return result.records.map((r) => r.get('district') as District);
  }

  loaders(counter: QueryCounter) {
    return {
      municipality: keyedLoader<Municipality | null>(this.db, MUNICIPALITIES_BY_AGS, counter, null),
      district: keyedLoader<District | null>(this.db, DISTRICTS_BY_KEY, counter, null),
      region: keyedLoader<Region | null>(this.db, REGIONS_BY_KEY, counter, null),
      neighbours: keyedLoader<Neighbour[]>(this.db, NEIGHBOURS_BY_AGS, counter, []),
      boundary: keyedLoader<string | null>(this.db, BOUNDARIES_BY_AGS, counter, null),
    };
  }
}

export type MunicipalityLoaders = ReturnType<MunicipalityRepository['loaders']>;
