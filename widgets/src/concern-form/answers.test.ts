// The concern form's answers reducer and step check: pure functions, tested without a DOM.
import { expect } from '@open-wc/testing';
import { answersReducer } from '../internal/answers.js';
import { checkStep, concernReducer, noAnswers, type ConcernAnswers, type Households } from './answers.js';

const FLAT = {
  address: '3 Elm Court, Cardiff',
  members: [
    { id: 'p1', displayName: 'Willow Pritchard' },
    { id: 'p2', displayName: 'Rhys Pritchard' },
  ],
};
const HOUSE = { address: '9 Oak Road, Newport', members: [{ id: 'p3', displayName: 'Sam Jones' }] };
const households: Households = (id) => ({ flat: FLAT, house: HOUSE })[id as 'flat' | 'house'];

/** Applies each answer in turn, as the form does for each input event. */
const answer = (state: ConcernAnswers, ...pairs: [string, string | string[]][]) =>
  pairs.reduce((s, [name, value]) => concernReducer(s, { type: 'answer', name, value, households }), state);

/** Answers that pass the staff form's schema, but for what a test leaves out. */
const STAFF = {
  urgency: 'LOW_LEVEL',
  subjectDescription: 'Mrs Pritchard',
  location: '3 Elm Court',
  whatHappened: 'Rent arrears and no food in the flat.',
  categories: ['SELF_NEGLECT'],
  'personViews.status': 'ASKED_EXPRESSED',
  'personViews.views': 'Wants help with money',
  'consent.status': 'GIVEN',
};

describe('the answers reducer', () => {
  it('records an answer in a new object, never changing the one it was given', () => {
    const before = Object.freeze({ urgency: 'URGENT' });
    const after = answersReducer(before, { type: 'answer', name: 'categories', value: ['FINANCIAL'] });
    expect(after).to.deep.equal({ urgency: 'URGENT', categories: ['FINANCIAL'] });
    expect(before).to.deep.equal({ urgency: 'URGENT' });
    expect(answersReducer(after, { type: 'clear' })).to.deep.equal({});
    const restored = answersReducer({}, { type: 'restore', answers: after });
    expect(restored).to.deep.equal(after);
    expect(restored, 'a copy').not.to.equal(after);
  });
});

describe('the concern form’s answers', () => {
  it('fills in the place from the household chosen, and follows a change of household', () => {
    const chosen = answer(noAnswers, ['householdId', 'flat']);
    expect(chosen.answers.location).to.equal('3 Elm Court, Cardiff');
    const moved = answer(chosen, ['householdId', 'house']);
    expect(moved.answers.location).to.equal('9 Oak Road, Newport');
    expect(chosen.answers.location, 'the state given is left as it was').to.equal('3 Elm Court, Cardiff');
  });

  it('never overwrites a place or description the person typed', () => {
    const typed = answer(noAnswers, ['location', 'Outside the shop'], ['subjectDescription', 'A neighbour']);
    const chosen = answer(typed, ['householdId', 'flat'], ['subjectIds', ['p1']]);
    expect(chosen.answers.location).to.equal('Outside the shop');
    expect(chosen.answers.subjectDescription).to.equal('A neighbour');
  });

  it('describes who it is about from the people chosen and added, and drops those of another household', () => {
    let state = answer(
      noAnswers,
      ['householdId', 'flat'],
      ['subjectIds', ['p1', 'p2']],
      ['allegedSourceIds', ['p2']],
    );
    expect(state.answers.subjectDescription).to.equal('Willow Pritchard, Rhys Pritchard');
    state = concernReducer(state, { type: 'add-person' });
    state = answer(state, ['namedPeople.0.name', 'Ivy Evans'], ['namedPeople.0.role', 'SUBJECT']);
    expect(state.answers.subjectDescription).to.equal('Willow Pritchard, Rhys Pritchard, Ivy Evans');
    state = answer(state, ['householdId', 'house']);
    expect(state.answers.subjectIds).to.equal(undefined);
    expect(state.answers.allegedSourceIds).to.equal(undefined);
    expect(state.answers.subjectDescription).to.equal('Ivy Evans');
  });

  it('moves the people added after one taken out up, so they number as the schema counts', () => {
    let state = noAnswers;
    for (const name of ['Ann', 'Ben', 'Cai']) {
      const index = Object.keys(state.answers).filter((k) => k.endsWith('.name')).length;
      state = concernReducer(state, { type: 'add-person' });
      state = answer(state, [`namedPeople.${index}.name`, name], [`namedPeople.${index}.role`, 'SUBJECT']);
    }
    state = concernReducer(state, { type: 'remove-person', index: 0, households });
    expect(state.answers).to.deep.include({
      'namedPeople.0.name': 'Ben',
      'namedPeople.1.name': 'Cai',
      subjectDescription: 'Ben, Cai',
    });
    expect(state.answers['namedPeople.2.name']).to.equal(undefined);
    expect(state.answers['namedPeople.2.role']).to.equal(undefined);
  });

  it('drops the main type of harm once it is no longer ticked', () => {
    const state = answer(
      noAnswers,
      ['categories', ['FINANCIAL', 'NEGLECT']],
      ['primaryCategory', 'NEGLECT'],
      ['categories', ['FINANCIAL']],
    );
    expect(state.answers.primaryCategory).to.equal(undefined);
  });
});

describe('checking a step with the shared schema', () => {
  it('shows only the errors of the questions on the step, in the mode’s words', () => {
    const outcome = checkStep('staff', 'urgency', {});
    expect(outcome.type).to.equal('errors');
    const fields = outcome.type === 'errors' ? outcome.errors.map((e) => e.field) : [];
    expect(fields).to.deep.equal(['urgency']);
  });

  it('goes to the next step the mode asks once the step is answered, and skips a step not asked', () => {
    expect(checkStep('staff', 'urgency', { urgency: 'URGENT' })).to.deep.equal({ type: 'next', step: 'who' });
    const notAboutSelf = {
      urgency: 'URGENT',
      aboutSelf: 'no',
      subjectDescription: 'A child',
      location: 'Park',
    };
    const after = checkStep('public', 'who', notAboutSelf);
    expect(after.type === 'next' && after.step).not.to.equal('views');
  });

  it('on "check your answers", sends the input the schema parsed, or every error left', () => {
    const ready = checkStep('staff', 'check', STAFF);
    expect(ready.type).to.equal('send');
    expect(ready.type === 'send' && ready.input).to.deep.include({
      urgency: 'LOW_LEVEL',
      categories: ['SELF_NEGLECT'],
    });
    const { whatHappened: _, ...missing } = STAFF;
    const left = checkStep('staff', 'check', { ...missing, 'consent.status': undefined } as never);
    expect(left.type === 'errors' && left.errors.map((e) => e.field).sort()).to.include.members([
      'whatHappened',
    ]);
  });
});
