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
    throw new BadUserInputError(field, `„${field}“ muss ein 8-stelliger Amtlicher Gemeindeschlüssel sein.`, `"${field}" must be an 8-digit municipality key (AGS).`);
  }
}

export class MunicipalityService {
  constructor(private readonly repository: MunicipalityRepository) {}

  async list(filter: MunicipalityFilter | undefined, order: MunicipalityOrder | undefined, first: number | undefined, after: string | undefined, counter: QueryCounter): Promise<Page<Municipality>> {
    const limit = pageSize(first);
    const skip = decodeCursor(after);
    if (filter?.minPopulation !== undefined && filter.maxPopulation !== undefined && filter.minPopulation > filter.maxPopulation) {
      throw new BadUserInputError('minPopulation', '„minPopulation“ ist größer als „maxPopulation“.', '"minPopulation" is larger than "maxPopulation".');
    }
    const search = filter?.search ? searchName(filter.search) : null;
    const { total, page } = await this.repository.list(
      {
        search: search || null,
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

  async byAgs(ags: string, loaders: MunicipalityLoaders): Promise<Municipality> {
    assertAgs(ags);
    const municipality = await loaders.municipality.load(ags);
    if (!municipality) throw new NotFoundError('Kommune / Municipality', ags);
    return municipality;
  }
}
