import { searchName } from '@ka/seed';
import type { QueryCounter } from '../../db/database';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { MunicipalitySort, SortDirection } from '../../shared/enums';
import { decodeCursor, pageSize, toPage, type Page } from '../../shared/pagination';
import type { MunicipalityFilter, MunicipalityOrder } from './municipality.input';
import type { MunicipalityLoaders, MunicipalityRepository } from './municipality.repository';
import type { Municipality } from './municipality.type';

export const AGS_PATTERN = /^\d{8}$/;

export function assertAgs(ags: string, field = 'ags'): void {
  if (!AGS_PATTERN.test(ags)) {
    throw new BadUserInputError(
      field,
      'Der Gemeindeschlüssel (AGS) muss aus 8 Ziffern bestehen, z. B. 05962044.',
      'The municipality key (AGS) must have 8 digits, e.g. 05962044.',
    );
  }
}

export class MunicipalityService {
  constructor(private readonly repository: MunicipalityRepository) {}

  async list(
    filter: MunicipalityFilter | undefined,
    order: MunicipalityOrder | undefined,
    first: number | undefined,
    after: string | undefined,
    counter: QueryCounter,
  ): Promise<Page<Municipality>> {
    const limit = pageSize(first);
    const skip = decodeCursor(after);
    if (filter?.minPopulation !== undefined && filter.maxPopulation !== undefined && filter.minPopulation > filter.maxPopulation) {
      throw new BadUserInputError(
        'minPopulation',
        'Die kleinste Einwohnerzahl ist größer als die größte.',
        'The smallest population is larger than the largest.',
      );
    }
    // Digits (spaces allowed: "05 962 044") search the AGS and the postcode; anything else the name.
    const compact = filter?.search?.replace(/\s+/g, '') ?? '';
    const digits = /^\d{2,8}$/.test(compact) ? compact : null;
    const search = filter?.search && !digits ? searchName(filter.search) : null;
    const { total, page } = await this.repository.list(
      {
        search: search || null,
        digits,
        includeCrossBorder: filter?.includeCrossBorder ?? false,
        districtKey: filter?.districtKey ?? null,
        regionKey: filter?.regionKey ?? null,
        type: filter?.type ?? null,
        minPopulation: filter?.minPopulation ?? null,
        maxPopulation: filter?.maxPopulation ?? null,
        sort: order?.by ?? MunicipalitySort.NAME,
        direction: order?.direction ?? SortDirection.ASC,
        skip,
        limit,
      },
      counter,
    );
    return toPage(page, skip, limit, total);
  }

  nrwDistricts(counter: QueryCounter) {
    return this.repository.nrwDistricts(counter);
  }

  async byAgs(ags: string, loaders: MunicipalityLoaders): Promise<Municipality> {
    assertAgs(ags);
    const municipality = await loaders.municipality.load(ags);
    if (!municipality) throw new NotFoundError('municipality', ags);
    return municipality;
  }
}
