import { randomUUID } from 'node:crypto';
import type { QueryCounter } from '../../db/database';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { normaliseEmail } from '../accounts/account.service';
import { AuditAction } from '../accounts/account.type';
import { guard } from '../accounts/auth.guard';
import type { Caller, HttpExchange } from '../accounts/auth.request';
import { checkCooperationId } from '../contributions/contribution.service';
import { checkIsoDate } from '../contributions/record-validation';
import type { AddContactPersonInput } from './contact.input';
import type { ContactPersonLoaders, ContactPersonRepository } from './contact.repository';
import type { ContactPersonRecord } from './contact.type';
import { fieldLabel } from '../../shared/validation-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PHONE = /^\+?[0-9 ()/-]{5,30}$/;

function text(value: string | null | undefined, field: string, max: number, required = false): string | null {
  const trimmed = (value ?? '').trim();
  if (!trimmed) {
    if (required) throw new BadUserInputError(field, `${fieldLabel(field, 'de')} darf nicht leer sein.`, `${fieldLabel(field, 'en')} must not be empty.`);
    return null;
  }
  if (trimmed.length > max)
    throw new BadUserInputError(
      field,
      `${fieldLabel(field, 'de')} darf höchstens ${max} Zeichen lang sein.`,
      `${fieldLabel(field, 'en')} must be at most ${max} characters long.`,
    );
  return trimmed;
}

/**
 * Contact persons of municipalities and cooperations. Reading needs a signed-in account (@Authorized on the fields);
 * writing: staff for their own municipalities and for cooperations those belong to, the office for all.
 */
export class ContactPersonService {
  constructor(private readonly repository: ContactPersonRepository) {}

  async add(caller: Caller, input: AddContactPersonInput, http: HttpExchange): Promise<ContactPersonRecord> {
    const municipalityAgs = input.municipalityAgs?.trim() || null;
    const cooperationId = input.cooperationId ? checkCooperationId(input.cooperationId) : null;
    if ((municipalityAgs === null) === (cooperationId === null)) {
      throw new BadUserInputError(
        'municipalityAgs',
        'Bitte genau eines angeben: municipalityAgs oder cooperationId.',
        'Please give exactly one of municipalityAgs and cooperationId.',
      );
    }
    if (municipalityAgs !== null && !/^\d{8}$/.test(municipalityAgs)) {
      throw new BadUserInputError(
        'municipalityAgs',
        `${fieldLabel('municipalityAgs', 'de')} ist kein gültiger Gemeindeschlüssel (8 Ziffern).`,
        `${fieldLabel('municipalityAgs', 'en')} is not a valid municipality key (8 digits).`,
      );
    }
    const name = text(input.name, 'name', 120, true)!;
    const email = input.email?.trim() ? normaliseEmail(input.email) : null;
    const phone = text(input.phone, 'phone', 30);
    if (phone !== null && !PHONE.test(phone))
      throw new BadUserInputError(
        'phone',
        `${fieldLabel('phone', 'de')} ist keine gültige Telefonnummer.`,
        `${fieldLabel('phone', 'en')} is not a valid phone number.`,
      );
    if (email === null && phone === null)
      throw new BadUserInputError('email', 'Bitte E-Mail-Adresse oder Telefonnummer angeben.', 'Please give an e-mail address or a phone number.');
    const consentGivenOn = checkIsoDate(input.consentGivenOn, 'consentGivenOn');
    if (consentGivenOn > new Date().toISOString().slice(0, 10)) {
      throw new BadUserInputError('consentGivenOn', 'Die Einwilligung kann nicht in der Zukunft liegen.', 'The consent cannot be in the future.');
    }
    if (municipalityAgs !== null) guard.municipality(caller, municipalityAgs);
    else {
      const members = await this.repository.cooperationMembers(cooperationId!);
      if (members === null) throw new NotFoundError('Kooperation / Cooperation', cooperationId!);
      guard.cooperationMembers(caller, members);
    }
    const id = randomUUID();
    const added = await this.repository.add(
      { municipalityAgs, cooperationId },
      { id, name, function: text(input.function, 'function', 120), email, phone, consentGivenOn },
      {
        action: AuditAction.CONTACT_PERSON_ADDED,
        actorId: caller.account.id,
        targetId: id,
        address: http.address,
        detail: JSON.stringify({ municipalityAgs: municipalityAgs ?? undefined, cooperationId: cooperationId ?? undefined }),
      },
    );
    if (!added) throw new NotFoundError(municipalityAgs ? 'Kommune / Municipality' : 'Kooperation / Cooperation', municipalityAgs ?? cooperationId!);
    return added;
  }

  async remove(caller: Caller, id: string, http: HttpExchange): Promise<string> {
    if (!UUID.test(id))
      throw new BadUserInputError(
        'contactPersonId',
        `${fieldLabel('contactPersonId', 'de')} ist keine gültige ID.`,
        `${fieldLabel('contactPersonId', 'en')} is not a valid id.`,
      );
    const target = await this.repository.target(id);
    if (!target) throw new NotFoundError('Kontaktperson / Contact person', id);
    if (target.municipalityAgs) guard.municipality(caller, target.municipalityAgs);
    else guard.cooperationMembers(caller, target.memberAgs);
    await this.repository.remove(id, {
      action: AuditAction.CONTACT_PERSON_REMOVED,
      actorId: caller.account.id,
      targetId: id,
      address: http.address,
      detail: JSON.stringify({ municipalityAgs: target.municipalityAgs ?? undefined, cooperationId: target.cooperationId ?? undefined }),
    });
    return id;
  }

  loaders(counter: QueryCounter): ContactPersonLoaders {
    return this.repository.loaders(counter);
  }
}
