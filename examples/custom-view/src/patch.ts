import {
  DoorstepError,
  HouseholdConcernsDocument,
  PatchHouseholdsDocument,
  request,
  type ClientOptions,
  type HouseholdConcernsQuery,
  type PatchHouseholdsQuery,
} from '@doorstep/client';

export type Concern = HouseholdConcernsQuery['household']['concerns']['edges'][number]['node'];

export interface PatchHousehold {
  household: PatchHouseholdsQuery['householdsIWorkWith'][number];
  /** Its concerns (open ones only, unless asked for all), newest first; null if the caller may not read them. */
  concerns: Concern[] | null;
}

// #region my-patch-query
/**
 * The households the signed-in officer works with today, each with its concerns: one request for
 * the households, then one per household (in parallel), following each household's pages.
 * `householdId` narrows it to one household of the patch (none, if it is not in the patch).
 */
export async function myPatch(
  options: ClientOptions,
  { householdId, includeClosed = false }: { householdId?: string; includeClosed?: boolean } = {},
): Promise<PatchHousehold[]> {
  const { householdsIWorkWith } = await request(options, PatchHouseholdsDocument);
  const households = householdId
    ? householdsIWorkWith.filter((h) => h.id === householdId)
    : householdsIWorkWith;
  return Promise.all(
    households.map(async (household) => ({
      household,
      concerns: await concernsOf(options, household.id, includeClosed),
    })),
  );
}

async function concernsOf(
  options: ClientOptions,
  id: string,
  includeClosed: boolean,
): Promise<Concern[] | null> {
  const concerns: Concern[] = [];
  let after: string | null | undefined;
  try {
    do {
      const { household } = await request(options, HouseholdConcernsDocument, { id, first: 50, after });
      concerns.push(...household.concerns.edges.map((edge) => edge.node));
      after = household.concerns.pageInfo.hasNextPage ? household.concerns.pageInfo.endCursor : null;
    } while (after);
  } catch (error) {
    // Concerns are for safeguarding leads and champions: a frontline-only officer sees the households.
    if (error instanceof DoorstepError && error.code === 'FORBIDDEN') return null;
    throw error;
  }
  return includeClosed ? concerns : concerns.filter((concern) => concern.status !== 'CLOSED');
}
// #endregion my-patch-query
