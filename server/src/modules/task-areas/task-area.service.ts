import type { QueryCounter } from '../../db/database';
import { BadUserInputError } from '../../shared/errors';
import type { TaskAreaRepository } from './task-area.repository';
import type { TaskArea } from './task-area.type';

export class TaskAreaService {
  constructor(private readonly repository: TaskAreaRepository) {}

  all(counter?: QueryCounter): Promise<TaskArea[]> {
    return this.repository.all(counter);
  }

  assertId(id: string, field = 'taskArea'): void {
    if (!/^[a-z][a-z0-9_]{0,40}$/.test(id)) {
      throw new BadUserInputError(
        field,
        'Das Aufgabenfeld hat keinen gültigen Namen (Kleinbuchstaben, z. B. standesamt).',
        'The task area does not have a valid name (lower case, e.g. standesamt).',
      );
    }
  }
}
