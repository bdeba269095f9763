import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { callerOf, type Context } from '../../context.js';
import { Household } from '../household/household.entity.js';
import { householdById } from '../household/household.service.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';
import { ReasonInput } from '../person/person.inputs.js';
import { personById } from '../person/person.service.js';
import { Case, CaseAction, CaseNote, CaseReview, CaseReviewPolicy, CaseWorkDue } from './case.entity.js';
import {
  CaseActionInput,
  CaseActionUpdateInput,
  CaseClosureInput,
  CaseFilter,
  CaseLeadWorkerInput,
  CaseNoteInput,
  CasePersonInput,
  CasePersonRemovalInput,
  CaseReviewInput,
  CaseReviewPolicyInput,
  CaseReviewSignOffInput,
  OpenCaseInput,
} from './case.inputs.js';
import { getReviewPolicy, setReviewPolicy } from './case-review-policy.service.js';
import {
  addCaseAction,
  addCaseNote,
  addCasePerson,
  changeCaseLeadWorker,
  caseActions,
  caseConcernIds,
  caseNotes,
  casePeopleIds,
  caseReviews,
  caseWorkDue,
  closeCase,
  getCase,
  listCases,
  openCase,
  recordCaseReview,
  removeCasePerson,
  reopenCase,
  signOffCaseReview,
  updateCaseAction,
} from './case.service.js';

const EXPECTED = {
  nullable: true,
  description: 'The version you read: if it changed since, STALE_VERSION and nothing changes',
};

@Resolver(() => Case)
export class CaseResolver {
  @Access(Permission.CaseRead)
  @Query(() => Case, { description: 'A case (NOT_FOUND if it is about someone restricted from you)' })
  case(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getCase(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.CaseRead)
  @Query(() => [Case], { description: 'Your organisation’s cases, newest first (at most `first`, 100)' })
  cases(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ) {
    return listCases(ctx.em, callerOf(ctx), filter, first);
  }

  @Access(Permission.CaseWrite)
  @Query(() => CaseWorkDue, {
    description:
      'Case actions and reviews falling due in the next `withinDays` days (1–60, default 14), not yet overdue ' +
      '(overdue ones are tasks): a safeguarding lead’s for the organisation’s cases, a champion’s for the cases ' +
      'they lead. Cases about someone restricted from you are left out. Recorded as a read of each',
  })
  caseWorkDue(@Ctx() ctx: Context, @Arg('withinDays', () => Int, { nullable: true }) withinDays?: number) {
    return caseWorkDue(ctx.em, callerOf(ctx), withinDays);
  }

  @Access(Permission.CaseWrite)
  @Mutation(() => Case, {
    description:
      'Open a case directly: about the people given and the subjects of the triaged concerns given, with a ' +
      'lead worker (you, unless another lead or champion is named) and what matters to the person',
  })
  openCase(@Arg('input', () => OpenCaseInput) input: OpenCaseInput, @Ctx() ctx: Context) {
    return openCase(ctx.em, callerOf(ctx), input);
  }

  @Access(Permission.CaseWrite)
  @Mutation(() => CaseAction, { description: 'Add an action to an open case’s plan' })
  addCaseAction(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => CaseActionInput) input: CaseActionInput,
    @Ctx() ctx: Context,
  ) {
    return addCaseAction(ctx.em, callerOf(ctx), caseId, input);
  }

  @Access(Permission.CaseWrite)
  @Mutation(() => CaseAction, {
    description: 'Change an action of an open case’s plan, or mark it DONE or CANCELLED',
  })
  updateCaseAction(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CaseActionUpdateInput) input: CaseActionUpdateInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, EXPECTED) expectedVersion?: number,
  ) {
    return updateCaseAction(ctx.em, callerOf(ctx), id, input, expectedVersion);
  }

  @Access(Permission.CaseWrite)
  @Mutation(() => CaseNote, {
    description: 'Add a note to an open case: a contact, home visit, call, meeting or supervision',
  })
  addCaseNote(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => CaseNoteInput) input: CaseNoteInput,
    @Ctx() ctx: Context,
  ) {
    return addCaseNote(ctx.em, callerOf(ctx), caseId, input);
  }

  @Access(Permission.CaseWrite)
  @Mutation(() => CaseReview, {
    description:
      'Review an open case: how it is going and what matters to the person now. The next review is due a ' +
      'frequency later; the review waits for a manager’s sign-off',
  })
  recordCaseReview(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => CaseReviewInput) input: CaseReviewInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, EXPECTED) expectedVersion?: number,
  ) {
    return recordCaseReview(ctx.em, callerOf(ctx), caseId, input, expectedVersion);
  }

  @Access(Permission.CaseSignOff)
  @Mutation(() => CaseReview, { description: 'A manager signs a case review off (management oversight)' })
  signOffCaseReview(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('input', () => CaseReviewSignOffInput, { nullable: true }) input?: CaseReviewSignOffInput,
    @Arg('expectedVersion', () => Int, EXPECTED) expectedVersion?: number,
  ) {
    return signOffCaseReview(ctx.em, callerOf(ctx), id, input, expectedVersion);
  }

  @Access(Permission.CaseWrite)
  @Mutation(() => Case, {
    description:
      'Close an open case with its Making Safeguarding Personal outcome (INVALID_TRANSITION if already closed)',
  })
  closeCase(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CaseClosureInput) input: CaseClosureInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, EXPECTED) expectedVersion?: number,
  ) {
    return closeCase(ctx.em, callerOf(ctx), id, input, expectedVersion);
  }

  @Access(Permission.CaseWrite)
  @Mutation(() => Case, { description: 'Reopen a closed case, with the reason (INVALID_TRANSITION if open)' })
  reopenCase(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReasonInput) input: ReasonInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, EXPECTED) expectedVersion?: number,
  ) {
    return reopenCase(ctx.em, callerOf(ctx), id, input, expectedVersion);
  }

  @Access(Permission.CaseWrite)
  @Mutation(() => Case, {
    description:
      'Add someone of your organisation to an open case. BAD_USER_INPUT on personId for someone unknown or ' +
      'already in it; INVALID_TRANSITION for a closed case; STALE_VERSION',
  })
  addCasePerson(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => CasePersonInput) input: CasePersonInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, EXPECTED) expectedVersion?: number,
  ) {
    return addCasePerson(ctx.em, callerOf(ctx), caseId, input, expectedVersion);
  }

  @Access(Permission.CaseWrite)
  @Mutation(() => Case, {
    description:
      'Remove someone from an open case, with the reason. Refused (BAD_USER_INPUT) for the last person: close ' +
      'the case instead',
  })
  removeCasePerson(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => CasePersonRemovalInput) input: CasePersonRemovalInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, EXPECTED) expectedVersion?: number,
  ) {
    return removeCasePerson(ctx.em, callerOf(ctx), caseId, input, expectedVersion);
  }

  @Access(Permission.CaseWrite)
  @Mutation(() => Case, {
    description:
      'Hand an open case to another safeguarding lead or champion of your organisation: its open tasks go to them',
  })
  changeCaseLeadWorker(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => CaseLeadWorkerInput) input: CaseLeadWorkerInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, EXPECTED) expectedVersion?: number,
  ) {
    return changeCaseLeadWorker(ctx.em, callerOf(ctx), caseId, input, expectedVersion);
  }

  @FieldResolver(() => [ID], { description: 'The people the case is about' })
  personIds(@Root() c: Case, @Ctx() ctx: Context) {
    return casePeopleIds(ctx.em, c);
  }

  @Access(Permission.RecordRead)
  @FieldResolver(() => [Person], { description: 'The people the case is about (leads and champions)' })
  async people(@Root() c: Case, @Ctx() ctx: Context) {
    const people = await Promise.all(
      (await casePeopleIds(ctx.em, c)).map((id) => personById(ctx.em, callerOf(ctx), id)),
    );
    return people.filter((p): p is Person => p !== null);
  }

  @Access(Permission.RecordRead)
  @FieldResolver(() => Household, { nullable: true, description: 'Their household (leads and champions)' })
  household(@Root() c: Case, @Ctx() ctx: Context) {
    return c.household ? householdById(ctx.em, callerOf(ctx), c.household.id) : null;
  }

  @FieldResolver(() => [ID], { description: 'The concerns it was opened from, and those attached since' })
  concernIds(@Root() c: Case, @Ctx() ctx: Context) {
    return caseConcernIds(ctx.em, c);
  }

  @FieldResolver(() => User, { description: 'The safeguarding lead or champion who leads the work' })
  leadWorker(@Root() c: Case, @Ctx() ctx: Context) {
    return ctx.em.findOneOrFail(User, { id: c.leadWorker.id });
  }

  @FieldResolver(() => [CaseAction], { description: 'The plan, soonest due first' })
  actions(@Root() c: Case, @Ctx() ctx: Context) {
    return caseActions(ctx.em, callerOf(ctx), c);
  }

  @FieldResolver(() => [CaseNote], { description: 'The notes, in the order things happened' })
  notes(@Root() c: Case, @Ctx() ctx: Context) {
    return caseNotes(ctx.em, callerOf(ctx), c);
  }

  @FieldResolver(() => [CaseReview], { description: 'The reviews, oldest first' })
  reviews(@Root() c: Case, @Ctx() ctx: Context) {
    return caseReviews(ctx.em, callerOf(ctx), c);
  }
}

@Resolver(() => CaseReviewPolicy)
export class CaseReviewPolicyResolver {
  @Access(Permission.CaseRead)
  @Query(() => CaseReviewPolicy, { description: 'How often your organisation’s cases are reviewed' })
  caseReviewPolicy(@Ctx() ctx: Context) {
    return getReviewPolicy(ctx.em, callerOf(ctx));
  }

  @Access(Permission.CasePolicyWrite)
  @Mutation(() => CaseReviewPolicy, {
    description: 'Set how often cases are reviewed: applies to cases opened from now on',
  })
  setCaseReviewPolicy(
    @Arg('input', () => CaseReviewPolicyInput) input: CaseReviewPolicyInput,
    @Ctx() ctx: Context,
  ) {
    return setReviewPolicy(ctx.em, callerOf(ctx), input);
  }
}
