import type { QueryCounter } from '../../db/database';
import type { StatsRepository } from './stats.repository';
import type { Stats } from './stats.type';

export class StatsService {
  constructor(private readonly repository: StatsRepository) {}

  stats(counter?: QueryCounter): Promise<Stats> {
    return this.repository.counts(counter);
  }
}
