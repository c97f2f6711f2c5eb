import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../shared/errors';
import { boardGuard, guard } from '../accounts/auth.guard';
import { ContactPerson } from '../contacts/contact.type';
import { PartnerSuggestions } from '../matching/matching.type';
import { Municipality } from '../municipalities/municipality.type';
import { TaskArea } from '../task-areas/task-area.type';
import { AccountRole } from '../accounts/account.type';
import {
  AddProjectIdeaNoteInput,
  CreateProjectIdeaInput,
  ExpressInterestInput,
  InterestDecisionInput,
  MarkNoticesReadInput,
  ProjectIdeaFilter,
  ProjectIdeaStateInput,
  ProposeMatchInput,
  SetProjectIdeaStageInput,
  UpdateProjectIdeaInput,
} from './board.input';
import {
  ContactSide,
  DashboardIdea,
  IdeaNote,
  IdeaNotePayload,
  IdeaStageChange,
  OfficeBoardDashboard,
  Proposal,
  ProposalConnection,
  ProposalPayload,
  IdeaFitConnection,
  Interest,
  InterestConnection,
  InterestContact,
  InterestPayload,
  MarkNoticesReadPayload,
  Notice,
  NoticeConnection,
  ProjectIdea,
  ProjectIdeaConnection,
  ProjectIdeaPayload,
} from './board.type';
import { FIT_WITHIN_RANK } from './board.fit';

async function municipalityOf(ctx: Context, ags: string): Promise<Municipality> {
  const municipality = await ctx.loaders.municipalities.municipality.load(ags);
  if (!municipality) throw new NotFoundError('municipality', ags);
  return municipality;
}

/** Thin: roles by @Authorized, every data rule in the service through the accounts module's boardGuard. */
@Resolver(() => ProjectIdea)
export class ProjectIdeaResolver {
  @Query(() => ProjectIdea, { description: 'One idea of the Kooperationsbörse; NOT_FOUND when it does not exist or the caller may not see it' })
  projectIdea(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ProjectIdea> {
    return ctx.services.board.idea(ctx.caller, id, ctx.queryCounter);
  }

  @Query(() => ProjectIdeaConnection, { description: 'The board: the ideas the caller may see, newest first' })
  projectIdeas(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProjectIdeaFilter, { nullable: true }) filter?: ProjectIdeaFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ProjectIdeaConnection> {
    return ctx.services.board.list(ctx.caller, filter, first, after, ctx.queryCounter);
  }

  @Authorized()
  @Query(() => IdeaFitConnection, {
    description: `„Vorhaben, die zu uns passen“: open ideas of other municipalities whose ranking puts one of the caller’s municipalities (or ags) within the first ${FIT_WITHIN_RANK}, best rank first`,
  })
  async fittingProjectIdeas(
    @Ctx() ctx: Context,
    @Arg('ags', () => ID, { nullable: true, description: 'One municipality (staff: one of theirs; the office: any); default: all of the caller’s' })
    ags?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<IdeaFitConnection> {
    return { ...(await ctx.services.board.fitting(guard.signedIn(ctx.caller), ags, first, after, ctx.queryCounter)), withinRank: FIT_WITHIN_RANK };
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'The municipality that posted it; null while the owner is hidden from the caller (ownerRevealed false)',
  })
  async municipality(@Root() idea: ProjectIdea, @Ctx() ctx: Context): Promise<Municipality | null> {
    return idea.ownerRevealed ? municipalityOf(ctx, idea.record.municipalityAgs) : null;
  }

  @FieldResolver(() => TaskArea)
  async taskArea(@Root() idea: ProjectIdea, @Ctx() ctx: Context): Promise<TaskArea> {
    const taskArea = await ctx.loaders.taskAreas.taskArea.load(idea.record.taskAreaId);
    if (!taskArea) throw new NotFoundError('taskArea', idea.record.taskAreaId);
    return taskArea;
  }

  @FieldResolver(() => PartnerSuggestions, {
    nullable: true,
    description:
      'The engine’s partner suggestions for the idea (its task area, radius and target population), with the same explanations; null while the owner is hidden',
  })
  suggestions(
    @Root() idea: ProjectIdea,
    @Ctx() ctx: Context,
    @Arg('limit', () => Int, { nullable: true, description: '1–25, default 10' }) limit?: number,
  ): Promise<PartnerSuggestions | null> {
    return ctx.services.board.suggestions(idea, limit, ctx.queryCounter).then((s) => ctx.services.outcomes.shown(idea, s)); // exposures, off the answer's path
  }

  @Authorized()
  @FieldResolver(() => [Interest], { description: 'Interests: all of them for the owner municipality and the office, the caller’s own for everyone else' })
  interests(@Root() idea: ProjectIdea, @Ctx() ctx: Context): Promise<Interest[]> {
    return ctx.services.board.interestsOf(guard.signedIn(ctx.caller), idea, ctx.loaders.board);
  }

  @FieldResolver(() => [IdeaStageChange], {
    description: 'The pipeline so far, oldest first, starting with the posting (IDEA); who and the note only for the parties (see IdeaStageChange.by)',
  })
  stageHistory(@Root() idea: ProjectIdea, @Ctx() ctx: Context): Promise<IdeaStageChange[]> {
    return ctx.services.board.stageHistory(ctx.caller, idea, ctx.loaders.board);
  }

  @Authorized()
  @FieldResolver(() => [Proposal], {
    description: 'The office’s proposals: all of them for the office and the owner municipality, their own for a proposed municipality, none for others',
  })
  proposals(@Root() idea: ProjectIdea, @Ctx() ctx: Context): Promise<Proposal[]> {
    return ctx.services.board.proposalsOf(guard.signedIn(ctx.caller), idea, ctx.loaders.board);
  }

  @Authorized(AccountRole.OFFICE, AccountRole.ADMIN)
  @FieldResolver(() => [IdeaNote], { description: 'The office’s notes, oldest first: the office and administrators only (FORBIDDEN for everyone else)' })
  notes(@Root() idea: ProjectIdea, @Ctx() ctx: Context): Promise<IdeaNote[]> {
    return ctx.services.board.notesOf(guard.signedIn(ctx.caller), idea, ctx.loaders.board);
  }

  @Authorized(AccountRole.OFFICE, AccountRole.ADMIN)
  @Query(() => OfficeBoardDashboard, { description: 'The office’s dashboard of the board: ideas by stage, status, region, Kreis and age' })
  officeBoardDashboard(@Ctx() ctx: Context): Promise<OfficeBoardDashboard> {
    return ctx.services.board.dashboard(guard.signedIn(ctx.caller), ctx.queryCounter);
  }

  @Authorized()
  @Query(() => ProposalConnection, { description: 'Ideas the office proposed to the caller’s municipalities, newest first' })
  myProposals(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ProposalConnection> {
    return ctx.services.board.myProposals(guard.signedIn(ctx.caller), first, after, ctx.loaders.board, ctx.queryCounter);
  }

  @Authorized()
  @Mutation(() => ProjectIdeaPayload, {
    description:
      'Moves an idea along the pipeline (its municipality’s staff, the office): forward only, IMPLEMENTED / FUNDED only from AGREEMENT, DISCONTINUED before a final stage; CONFLICT says why not',
  })
  async setProjectIdeaStage(@Ctx() ctx: Context, @Arg('input', () => SetProjectIdeaStageInput) input: SetProjectIdeaStageInput): Promise<ProjectIdeaPayload> {
    return { idea: await ctx.services.board.setStage(guard.signedIn(ctx.caller), input, ctx.http) };
  }

  @Authorized(AccountRole.OFFICE, AccountRole.ADMIN)
  @Mutation(() => ProposalPayload, {
    description: 'The office proposes an NRW municipality for an open idea (any visibility); both sides get a MATCH_PROPOSED notice',
  })
  async proposeMatch(@Ctx() ctx: Context, @Arg('input', () => ProposeMatchInput) input: ProposeMatchInput): Promise<ProposalPayload> {
    return { proposal: await ctx.services.board.proposeMatch(guard.signedIn(ctx.caller), input, ctx.http) };
  }

  @Authorized(AccountRole.OFFICE, AccountRole.ADMIN)
  @Mutation(() => IdeaNotePayload, { description: 'Adds an office note to an idea (append-only; seen by the office and administrators only)' })
  async addProjectIdeaNote(@Ctx() ctx: Context, @Arg('input', () => AddProjectIdeaNoteInput) input: AddProjectIdeaNoteInput): Promise<IdeaNotePayload> {
    return { note: await ctx.services.board.addNote(guard.signedIn(ctx.caller), input, ctx.http) };
  }

  // --- mutations ------------------------------------------------------------------------------------------

  @Authorized()
  @Mutation(() => ProjectIdeaPayload, { description: 'Posts an idea for a municipality (staff: one of theirs; the office: any)' })
  async createProjectIdea(@Ctx() ctx: Context, @Arg('input', () => CreateProjectIdeaInput) input: CreateProjectIdeaInput): Promise<ProjectIdeaPayload> {
    return { idea: await ctx.services.board.create(guard.signedIn(ctx.caller), input, ctx.http) };
  }

  @Authorized()
  @Mutation(() => ProjectIdeaPayload, { description: 'Edits an open idea (its municipality’s staff, the office); CONFLICT on a stale expectedVersion' })
  async updateProjectIdea(@Ctx() ctx: Context, @Arg('input', () => UpdateProjectIdeaInput) input: UpdateProjectIdeaInput): Promise<ProjectIdeaPayload> {
    return { idea: await ctx.services.board.update(guard.signedIn(ctx.caller), input, ctx.http) };
  }

  @Authorized()
  @Mutation(() => ProjectIdeaPayload, {
    description: 'Withdraws an idea: it leaves the board; its owner, the office and the municipalities with an interest still see it',
  })
  async withdrawProjectIdea(@Ctx() ctx: Context, @Arg('input', () => ProjectIdeaStateInput) input: ProjectIdeaStateInput): Promise<ProjectIdeaPayload> {
    return { idea: await ctx.services.board.withdraw(guard.signedIn(ctx.caller), input, ctx.http) };
  }

  @Authorized()
  @Mutation(() => ProjectIdeaPayload, { description: '„Partnerschaft vollständig“: the idea stays visible, marked complete, and takes no new interest' })
  async completeProjectIdea(@Ctx() ctx: Context, @Arg('input', () => ProjectIdeaStateInput) input: ProjectIdeaStateInput): Promise<ProjectIdeaPayload> {
    return { idea: await ctx.services.board.complete(guard.signedIn(ctx.caller), input, ctx.http) };
  }
}

@Resolver(() => Interest)
export class InterestResolver {
  @Authorized()
  @Query(() => InterestConnection, { description: 'Interests expressed by the caller’s municipalities, newest first' })
  myInterests(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<InterestConnection> {
    return ctx.services.board.myInterests(guard.signedIn(ctx.caller), first, after, ctx.queryCounter);
  }

  @FieldResolver(() => Municipality, { description: 'The interested municipality' })
  municipality(@Root() interest: Interest, @Ctx() ctx: Context): Promise<Municipality> {
    return municipalityOf(ctx, interest.record.municipalityAgs);
  }

  @FieldResolver(() => ProjectIdea, { nullable: true, description: 'The idea, as the caller may see it' })
  idea(@Root() interest: Interest, @Ctx() ctx: Context): Promise<ProjectIdea | null> {
    return ctx.services.board.interestIdea(ctx.caller, interest, ctx.loaders.board);
  }

  @Authorized()
  @FieldResolver(() => InterestContact, {
    nullable: true,
    description: 'Both sides’ contact details once the owner accepted; null before, and always null for anyone but the two municipalities (the office too)',
  })
  contact(@Root() interest: Interest, @Ctx() ctx: Context): Promise<InterestContact | null> {
    return ctx.services.board.contact(guard.signedIn(ctx.caller), interest, ctx.loaders.board) as Promise<InterestContact | null>;
  }

  @Authorized()
  @Mutation(() => InterestPayload, {
    description: 'Expresses interest of one of the caller’s municipalities in another municipality’s open idea, with a message',
  })
  async expressInterest(@Ctx() ctx: Context, @Arg('input', () => ExpressInterestInput) input: ExpressInterestInput): Promise<InterestPayload> {
    return { interest: await ctx.services.board.expressInterest(guard.signedIn(ctx.caller), input, ctx.http) };
  }

  @Authorized()
  @Mutation(() => InterestPayload, { description: 'The owner municipality accepts an interest: from now on both sides see each other’s contact details' })
  async acceptInterest(@Ctx() ctx: Context, @Arg('input', () => InterestDecisionInput) input: InterestDecisionInput): Promise<InterestPayload> {
    return { interest: await ctx.services.board.accept(guard.signedIn(ctx.caller), input.interestId, ctx.http) };
  }

  @Authorized()
  @Mutation(() => InterestPayload, {
    description:
      'The owner municipality declines a pending interest, or takes back its consent to an accepted one („Freigabe zurücknehmen“: ACCEPTED → DECLINED, contacts hidden again); DECLINED is final',
  })
  async declineInterest(@Ctx() ctx: Context, @Arg('input', () => InterestDecisionInput) input: InterestDecisionInput): Promise<InterestPayload> {
    return { interest: await ctx.services.board.decline(guard.signedIn(ctx.caller), input.interestId, ctx.http) };
  }

  @Authorized()
  @Mutation(() => InterestPayload, {
    description: 'The interested municipality withdraws its pending or accepted interest; the owner’s staff get INTEREST_WITHDRAWN',
  })
  async withdrawInterest(@Ctx() ctx: Context, @Arg('input', () => InterestDecisionInput) input: InterestDecisionInput): Promise<InterestPayload> {
    return { interest: await ctx.services.board.withdrawInterest(guard.signedIn(ctx.caller), input.interestId, ctx.http) };
  }
}

@Resolver(() => OfficeBoardDashboard)
export class OfficeBoardDashboardResolver {
  @FieldResolver(() => [DashboardIdea], { description: 'Open ideas posted at least `days` ago (default 30) without any interest, oldest first' })
  ideasWithoutInterest(
    @Root() dashboard: OfficeBoardDashboard,
    @Ctx() ctx: Context,
    @Arg('days', () => Int, { nullable: true, description: '0–3650, default 30' }) days?: number,
  ): DashboardIdea[] {
    return ctx.services.board.ideasWithoutInterest(dashboard, days);
  }

  @FieldResolver(() => [DashboardIdea], { description: 'Every idea that is not withdrawn, oldest first' })
  ideas(@Root() dashboard: OfficeBoardDashboard): DashboardIdea[] {
    return dashboard.rows;
  }
}

@Resolver(() => Proposal)
export class ProposalResolver {
  @FieldResolver(() => Municipality, { description: 'The proposed municipality' })
  municipality(@Root() proposal: Proposal, @Ctx() ctx: Context): Promise<Municipality> {
    return municipalityOf(ctx, proposal.record.municipalityAgs);
  }

  @FieldResolver(() => ProjectIdea, {
    nullable: true,
    description: 'The idea, as the caller may see it (anonymised for an office-only idea before acceptance)',
  })
  idea(@Root() proposal: Proposal, @Ctx() ctx: Context): Promise<ProjectIdea | null> {
    return ctx.services.board.ideaOrNull(ctx.caller, proposal.record.ideaId, ctx.loaders.board);
  }

  @FieldResolver(() => Interest, { nullable: true, description: 'The proposed municipality’s interest in the idea, once expressed' })
  interest(@Root() proposal: Proposal, @Ctx() ctx: Context): Promise<Interest | null> {
    return ctx.services.board.proposalInterest(ctx.caller, proposal, ctx.loaders.board);
  }
}

@Resolver(() => ContactSide)
export class ContactSideResolver {
  @FieldResolver(() => Municipality)
  municipality(@Root() side: ContactSide, @Ctx() ctx: Context): Promise<Municipality> {
    return municipalityOf(ctx, side.municipalityAgs);
  }

  @FieldResolver(() => [ContactPerson], { description: 'The municipality’s contact persons (issue 11)' })
  contactPersons(@Root() side: ContactSide, @Ctx() ctx: Context): Promise<ContactPerson[]> {
    return ctx.loaders.contacts.ofMunicipality.load(side.municipalityAgs);
  }
}

@Resolver(() => Notice)
export class NoticeResolver {
  @Authorized()
  @Query(() => NoticeConnection, {
    description: 'The caller’s in-app inbox, newest first (with SMTP configured the same notices also go out by e-mail, docs/decisions/018)',
  })
  async inbox(
    @Ctx() ctx: Context,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly?: boolean,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<NoticeConnection> {
    return ctx.services.board.inbox(guard.signedIn(ctx.caller), unreadOnly ?? false, first, after, ctx.queryCounter);
  }

  @FieldResolver(() => ProjectIdea, { nullable: true, description: 'The idea, as the caller may see it now' })
  idea(@Root() notice: Notice, @Ctx() ctx: Context): Promise<ProjectIdea | null> {
    return ctx.services.board.ideaOrNull(ctx.caller, notice.record.ideaId, ctx.loaders.board);
  }

  @FieldResolver(() => Proposal, { nullable: true, description: 'MATCH_PROPOSED: the proposal, as the caller may see it' })
  async proposal(@Root() notice: Notice, @Ctx() ctx: Context): Promise<Proposal | null> {
    if (!notice.record.proposalId) return null;
    const idea = await ctx.services.board.ideaOrNull(ctx.caller, notice.record.ideaId, ctx.loaders.board);
    if (!idea || !ctx.caller) return null;
    return (await ctx.services.board.proposalsOf(ctx.caller, idea, ctx.loaders.board)).find((p) => p.id === notice.record.proposalId) ?? null;
  }

  @FieldResolver(() => Interest, { nullable: true })
  async interest(@Root() notice: Notice, @Ctx() ctx: Context): Promise<Interest | null> {
    if (!notice.record.interestId) return null;
    const [interest, idea] = await Promise.all([ctx.loaders.board.interest.load(notice.record.interestId), ctx.loaders.board.idea.load(notice.record.ideaId)]);
    return interest && idea && boardGuard.interestSide(ctx.caller, interest, idea) !== null ? ctx.services.board.viewInterest(interest) : null;
  }

  @FieldResolver(() => String, { description: 'What happened, in German' })
  async textDe(@Root() notice: Notice, @Ctx() ctx: Context): Promise<string> {
    return (await this.text(notice, ctx)).textDe;
  }

  @FieldResolver(() => String, { description: 'What happened, in English' })
  async textEn(@Root() notice: Notice, @Ctx() ctx: Context): Promise<string> {
    return (await this.text(notice, ctx)).textEn;
  }

  private text(notice: Notice, ctx: Context) {
    return ctx.services.board.noticeText(
      guard.signedIn(ctx.caller),
      notice,
      ctx.loaders.board,
      async (ags) => (await ctx.loaders.municipalities.municipality.load(ags))?.shortName ?? null,
    );
  }

  @Authorized()
  @Mutation(() => MarkNoticesReadPayload, { description: 'Marks notices of the caller’s inbox read (the ones named, or all)' })
  markNoticesRead(@Ctx() ctx: Context, @Arg('input', () => MarkNoticesReadInput) input: MarkNoticesReadInput): Promise<MarkNoticesReadPayload> {
    return ctx.services.board.markRead(guard.signedIn(ctx.caller), input, ctx.http);
  }
}
