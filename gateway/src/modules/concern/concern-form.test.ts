import {
  HouseholdsIWorkWithDocument,
  RaiseConcernDocument,
  SearchPeopleDocument,
  type HouseholdsIWorkWithQuery,
  type RaiseConcernMutation,
  type SearchPeopleQuery,
} from '@doorstep/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, testGateway, user, validConcern } from '../../../test/harness.js';
import { lead, ok } from '../../../test/records.js';

/**
 * The concern form's staff mode, through the typed client's own documents: find the person or the
 * household, then raise the concern about them by record.
 */
const tom = user('tom');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const SUBJECTS = `query($id: ID!) { concern(id: $id) { household { id } subjects { person { id } } } }`;
/** Every concern here is raised in Riverside, the organisation of Tom and the lead. */
const concernId = async (reference: string) =>
  (
    await gw.sql<{ id: string }>('select id from concern where reference = $1 and organisation_id = $2', [
      reference,
      lead.organisationId,
    ])
  )[0]!.id;

describe('raising a concern about someone found in the form', () => {
  it('a safeguarding lead searches for the person and names them and their household', async () => {
    const found = await ok<SearchPeopleQuery>(gw, SearchPeopleDocument.toString(), {
      query: 'Edith Marsh',
    });
    const hit = found.searchPeople.edges[0]!.node.node;
    expect(hit.displayName).toBe('Edith Marsh');
    const home = hit.households.find((h) => h.current)!.household;
    const raised = await ok<RaiseConcernMutation>(gw, RaiseConcernDocument.toString(), {
      idempotencyKey: newKey(),
      input: validConcern({ subjectIds: [hit.id], householdId: home.id }),
    });
    const id = await concernId(raised.raiseConcern.reference);
    expect(await ok(gw, SUBJECTS, { id })).toEqual({
      concern: { household: { id: home.id }, subjects: [{ person: { id: hit.id } }] },
    });
  });

  it('a housing officer picks a household they work with and someone living there', async () => {
    const mine = await ok<HouseholdsIWorkWithQuery>(gw, HouseholdsIWorkWithDocument.toString(), {}, tom);
    const cedar = mine.householdsIWorkWith.find((h) => h.address.startsWith('7 Cedar Walk'))!;
    const lily = cedar.members.find((m) => m.displayName === 'Lily Price')!;
    const raised = await ok<RaiseConcernMutation>(
      gw,
      RaiseConcernDocument.toString(),
      { idempotencyKey: newKey(), input: validConcern({ householdId: cedar.id, subjectIds: [lily.id] }) },
      tom,
    );
    const id = await concernId(raised.raiseConcern.reference);
    expect(await ok(gw, SUBJECTS, { id }, lead)).toEqual({
      concern: { household: { id: cedar.id }, subjects: [{ person: { id: lily.id } }] },
    });
  });
});
