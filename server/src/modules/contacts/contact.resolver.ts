import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { guard } from '../accounts/auth.guard';
import { Cooperation } from '../cooperations/cooperation.type';
import { Municipality } from '../municipalities/municipality.type';
import { AddContactPersonInput, RemoveContactPersonInput } from './contact.input';
import { ContactPerson, ContactPersonPayload, RemoveContactPersonPayload } from './contact.type';

/** Thin: @Authorized() makes contact persons a signed-in-only field (docs/decisions/012); writes are guarded in the service. */
@Resolver(() => ContactPerson)
export class ContactPersonResolver {
  @Authorized()
  @Mutation(() => ContactPersonPayload, {
    description: 'Adds a contact person (staff: own municipality or a cooperation it belongs to; office: any) with the date of consent',
  })
  async addContactPerson(@Ctx() ctx: Context, @Arg('input', () => AddContactPersonInput) input: AddContactPersonInput): Promise<ContactPersonPayload> {
    return { contactPerson: await ctx.services.contacts.add(guard.signedIn(ctx.caller), input, ctx.http) };
  }

  @Authorized()
  @Mutation(() => RemoveContactPersonPayload, {
    description: 'Removes a contact person (consent withdrawn): the personal data is deleted, the removal audited',
  })
  async removeContactPerson(
    @Ctx() ctx: Context,
    @Arg('input', () => RemoveContactPersonInput) input: RemoveContactPersonInput,
  ): Promise<RemoveContactPersonPayload> {
    return { removedId: await ctx.services.contacts.remove(guard.signedIn(ctx.caller), input.contactPersonId, ctx.http) };
  }
}

@Resolver(() => Municipality)
export class MunicipalityContactsResolver {
  // Consent rule of issue 12 (docs/decisions/017): the rule is the accounts module's boardGuard, fed by the board's
  // batched lookup of accepted interests; the answer is an empty list, with contactPersonsHidden saying why.
  @Authorized()
  @FieldResolver(() => [ContactPerson], {
    description:
      'Contact persons (DSGVO, never exported): for the municipality’s own staff, the office, administrators and staff of a municipality with an accepted interest between the two; empty for other signed-in accounts (see contactPersonsHidden)',
  })
  async contactPersons(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<ContactPerson[]> {
    if (!(await ctx.services.board.contactPersonsVisible(guard.signedIn(ctx.caller), municipality.ags, ctx.loaders.board))) return [];
    return ctx.loaders.contacts.ofMunicipality.load(municipality.ags);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the caller may not see the contact persons (not signed in, or no accepted interest between the two municipalities)',
  })
  async contactPersonsHidden(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<boolean> {
    return !(await ctx.services.board.contactPersonsVisible(ctx.caller, municipality.ags, ctx.loaders.board));
  }
}

@Resolver(() => Cooperation)
export class CooperationContactsResolver {
  @Authorized()
  @FieldResolver(() => [ContactPerson], { description: 'Contact persons: signed-in users only (DSGVO), never exported' })
  contactPersons(@Root() cooperation: Cooperation, @Ctx() ctx: Context): Promise<ContactPerson[]> {
    return ctx.loaders.contacts.ofCooperation.load(cooperation.id);
  }
}
