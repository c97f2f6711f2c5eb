import { baseLayer } from '@ka/seed';
import type { QueryCounter } from '../../db/database';
import type { SnapshotStore } from '../matching/snapshot.store';
import type { MapRepository } from './map.repository';
import type { MapBase } from './map.type';

/**
 * The maps' base layer, computed once per import (about 0.1 s for NRW, 27 kB of JSON, 9 kB gzipped) and kept in
 * memory: the dataset version comes from the matching snapshot, which already checks for a new import.
 */
export class MapService {
  private cache: { version: string; value: Promise<MapBase> } | null = null;

  constructor(
    private readonly repository: MapRepository,
    private readonly snapshots: SnapshotStore,
  ) {}

  async base(counter?: QueryCounter): Promise<MapBase> {
    // The import's stamp, not the data version: register writes do not move boundaries.
    const { importVersion: version } = await this.snapshots.current(counter);
    if (this.cache?.version !== version) {
      const value = this.repository.homeBoundaries(counter).then((shapes) => {
        const layer = baseLayer(shapes);
        return { version, land: JSON.stringify(layer.land), districtBorders: JSON.stringify(layer.districtBorders) };
      });
      // A failed read is not cached: the next request tries again.
      value.catch(() => {
        if (this.cache?.value === value) this.cache = null;
      });
      this.cache = { version, value };
    }
    return this.cache.value;
  }
}
