import {
  parseWith,
  publicConcernInputSchema,
  raiseConcernInputSchema,
  type FieldError,
  type PublicConcernInput,
  type RaiseConcernInput,
} from '@doorstep/schema';
import { answersReducer, textOf, type AnswersAction } from '../internal/answers.js';
import {
  fieldOf,
  fieldsOf,
  namedCount,
  namedField,
  NAMED_DETAILS,
  questionOf,
  readConcernInput,
  readPublicInput,
  stepsFor,
  type Answers,
  type Mode,
  type StepId,
} from './concern-input.js';

/** A household as the answers need it: its address (the place) and who lives there (by name). */
export interface HouseholdLike {
  address: string;
  members: readonly { id: string; displayName: string }[];
}

/** The households the form knows, by id (the finder's). */
export type Households = (id: string | undefined) => HouseholdLike | undefined;

/** Answers the form writes itself: the description and place, from the household and people chosen. */
export type FilledIn = Partial<Record<'subjectDescription' | 'location', string>>;

/** The concern form's answers, and what it wrote into them itself (so it never overwrites the person). */
export interface ConcernAnswers {
  answers: Answers;
  filledIn: FilledIn;
}

export type ConcernAction =
  | (Extract<AnswersAction, { type: 'answer' }> & { households: Households })
  | Exclude<AnswersAction, { type: 'answer' }>
  | { type: 'add-person' }
  | { type: 'remove-person'; index: number; households: Households };

export const noAnswers: ConcernAnswers = { answers: {}, filledIn: {} };

/**
 * The concern form's answers after an action, with what follows from it: choosing a household drops
 * the people chosen from another and fills in the place; choosing people (or adding them by name)
 * fills in who it is about; unticking the main type of harm drops it as the main one; taking out a
 * person added by name moves those after them up. Text the person wrote is never overwritten.
 */
export function concernReducer(state: ConcernAnswers, action: ConcernAction): ConcernAnswers {
  switch (action.type) {
    case 'clear':
    case 'restore':
      return { answers: answersReducer(state.answers, action), filledIn: {} };
    case 'add-person':
      return { ...state, answers: { ...state.answers, [namedField(namedCount(state.answers), 'name')]: '' } };
    case 'remove-person': {
      const count = namedCount(state.answers);
      const answers = { ...state.answers };
      for (let i = action.index; i < count; i++) {
        for (const detail of NAMED_DETAILS) {
          const next = answers[namedField(i + 1, detail)];
          if (next === undefined) delete answers[namedField(i, detail)];
          else answers[namedField(i, detail)] = next;
        }
      }
      const filledIn = { ...state.filledIn };
      describeSubjects(answers, filledIn, action.households);
      return { answers, filledIn };
    }
    case 'answer': {
      const { name, value, households } = action;
      const answers = answersReducer(state.answers, action);
      const filledIn = { ...state.filledIn };
      if (name === 'householdId') {
        delete answers.subjectIds;
        delete answers.allegedSourceIds;
        fillIn(answers, filledIn, 'location', households(value as string)?.address);
      }
      // Who it is about, in words, follows the people chosen and added (unless the person wrote it).
      if (name === 'householdId' || name === 'subjectIds' || /^namedPeople\.\d+\.(name|role)$/.test(name)) {
        describeSubjects(answers, filledIn, households);
      }
      const categories = answers.categories;
      if (Array.isArray(categories) && !categories.includes(answers.primaryCategory as string)) {
        delete answers.primaryCategory;
      }
      return { answers, filledIn };
    }
  }
}

/** The people chosen or added as the concern's subjects, by name, into the description if it is the form's. */
function describeSubjects(answers: Answers, filledIn: FilledIn, households: Households): void {
  const members = households(answers.householdId as string | undefined)?.members ?? [];
  const chosen = (Array.isArray(answers.subjectIds) ? answers.subjectIds : []) as string[];
  const names = [
    ...members.filter((m) => chosen.includes(m.id)).map((m) => m.displayName),
    ...Array.from({ length: namedCount(answers) }, (_, i) => i)
      .filter((i) => answers[namedField(i, 'role')] === 'SUBJECT')
      .map((i) => String(answers[namedField(i, 'name')] ?? '').trim())
      .filter(Boolean),
  ];
  fillIn(answers, filledIn, 'subjectDescription', names.join(', ') || undefined);
}

/**
 * Writes `value` into a text answer the person has left empty, or that still holds what the form
 * wrote there itself: choosing a household fills in the place, choosing people the description.
 */
function fillIn(
  answers: Answers,
  filledIn: FilledIn,
  field: keyof FilledIn,
  value: string | undefined,
): void {
  const current = textOf(answers, field);
  if (current.trim() && current !== filledIn[field]) return;
  answers[field] = value ?? '';
  filledIn[field] = value ?? '';
}

/**
 * What pressing the step's button does: show the errors of the questions on this step, go on to
 * the next step, or (on "check your answers") send the input, or show every error left.
 */
export type StepOutcome =
  | { type: 'errors'; errors: FieldError[] }
  | { type: 'next'; step: StepId }
  | { type: 'send'; input: RaiseConcernInput | PublicConcernInput };

export function checkStep(mode: Mode, step: StepId, answers: Answers): StepOutcome {
  // The shared schema the gateway checks with, on the input in the shape the mode sends.
  const parsed =
    mode === 'public'
      ? parseWith(publicConcernInputSchema, readPublicInput(answers))
      : parseWith(raiseConcernInputSchema, readConcernInput(answers));
  if (step !== 'check') {
    const here = fieldsOf(mode, step);
    const errors = parsed.ok
      ? []
      : parsed.errors.filter((e) => here.includes(questionOf(fieldOf(e, mode) ?? '')));
    if (errors.length) return { type: 'errors', errors };
    const steps = stepsFor(mode, answers);
    return { type: 'next', step: steps[steps.indexOf(step) + 1] ?? 'check' };
  }
  return parsed.ok ? { type: 'send', input: parsed.data } : { type: 'errors', errors: parsed.errors };
}
