import type { Database, QueryCounter } from '../../db/database';
import { keyedLoader } from '../../db/loader';
import type { AuditEntry } from '../accounts/account.repository';
import * as Q from './contact.queries';
import type { ContactPersonRecord } from './contact.type';

export interface NewContactPerson {
  id: string;
  name: string;
  function: string | null;
  email: string | null;
  phone: string | null;
  consentGivenOn: string;
}

export class ContactPersonRepository {
  constructor(private readonly db: Database) {}

  /** Null when the municipality or cooperation does not exist. */
  async add(
    target: { municipalityAgs: string | null; cooperationId: string | null },
    person: NewContactPerson,
    audit: AuditEntry,
  ): Promise<ContactPersonRecord | null> {
    const result = await this.db.write(Q.ADD_CONTACT_PERSON, { ...target, p: person, audit: { ...audit, targetId: person.id } });
    return (result.records[0]?.get('contact') as ContactPersonRecord | undefined) ?? null;
  }

  async target(id: string): Promise<{ municipalityAgs: string | null; cooperationId: string | null; memberAgs: string[] } | null> {
    const result = await this.db.read(Q.CONTACT_TARGET, { id });
    const row = result.records[0];
    return row
      ? {
          municipalityAgs: row.get('municipalityAgs') as string | null,
          cooperationId: row.get('cooperationId') as string | null,
          memberAgs: row.get('memberAgs') as string[],
        }
      : null;
  }

  async cooperationMembers(id: string): Promise<string[] | null> {
    const result = await this.db.read(Q.COOPERATION_MEMBER_AGS, { id });
    return (result.records[0]?.get('memberAgs') as string[] | undefined) ?? null;
  }

  async remove(id: string, audit: AuditEntry): Promise<void> {
    await this.db.write(Q.REMOVE_CONTACT_PERSON, { id, audit });
  }

  loaders(counter: QueryCounter) {
    return {
      ofMunicipality: keyedLoader<ContactPersonRecord[]>(this.db, Q.CONTACTS_OF_MUNICIPALITY, counter, []),
      ofCooperation: keyedLoader<ContactPersonRecord[]>(this.db, Q.CONTACTS_OF_COOPERATION, counter, []),
    };
  }
}

export type ContactPersonLoaders = ReturnType<ContactPersonRepository['loaders']>;
