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
  @Authorized()
  @FieldResolver(() => [ContactPerson], { description: 'Contact persons: signed-in users only (DSGVO), never exported' })
  contactPersons(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<ContactPerson[]> {
    return ctx.loaders.contacts.ofMunicipality.load(municipality.ags);
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
