import {
  DoorstepError,
  HouseholdsIWorkWithDocument,
  SearchHouseholdsDocument,
  VisitHouseholdDocument,
  type VisitHouseholdQuery,
} from '@doorstep/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { send, type Api } from '../internal/api.js';

/** A household the form can offer, with the people living there. */
export interface FoundHousehold {
  id: string;
  address: string;
  tenancyReference: string;
  members: { id: string; displayName: string }[];
}

export type SearchState = 'idle' | 'searching' | 'done' | 'forbidden' | 'failed';

const fromVisit = (h: VisitHouseholdQuery['visitHousehold']): FoundHousehold => ({
  id: h.id,
  address: h.address,
  tenancyReference: h.tenancyReference,
  members: h.members,
});

/**
 * Finds the household a concern is about, and the people in it, for staff and contractors: the
 * households the person works with (their patch, their job), and for safeguarding leads and
 * champions a search by name, address or tenancy reference. Nothing here is stored on the device:
 * the form keeps only the chosen ids in its answers.
 */
export class HouseholdFinder implements ReactiveController {
  /** The households offered: those the person works with first, then what a search found. */
  households: FoundHousehold[] = [];
  /** Loading the households the person works with. */
  loading: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  search: SearchState = 'idle';
  /** How many households the last search found. */
  found = 0;
  query = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => Api,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  byId(id: string | undefined): FoundHousehold | undefined {
    return id ? this.households.find((h) => h.id === id) : undefined;
  }

  /** Loads the households the person works with, once (`retry` after a failure). */
  async load(retry = false): Promise<void> {
    if (this.loading !== 'idle' && !(retry && this.loading === 'failed')) return;
    this.loading = 'loading';
    this.host.requestUpdate();
    try {
      const { householdsIWorkWith } = await send(this.api(), HouseholdsIWorkWithDocument);
      this.#offer(householdsIWorkWith.map(fromVisit), false);
      this.loading = 'loaded';
    } catch {
      this.loading = 'failed';
    }
    this.host.requestUpdate();
  }

  /** A household chosen before (a restored draft) that is not offered yet: fetched once to show it. */
  async ensure(id: string | undefined): Promise<void> {
    if (!id || this.byId(id) || this.#asked.has(id)) return;
    this.#asked.add(id);
    try {
      const { visitHousehold } = await send(this.api(), VisitHouseholdDocument, { id });
      this.#offer([fromVisit(visitHousehold)], false);
      this.host.requestUpdate();
    } catch {
      // Not reachable now: the form still sends the id it has.
    }
  }

  /**
   * Searches households by name, address or tenancy reference (safeguarding leads and champions).
   * The results replace the last search's, apart from the household already chosen (`chosen`).
   */
  async find(query: string, chosen?: string): Promise<void> {
    this.query = query;
    if (!query.trim() || this.search === 'searching') return;
    this.search = 'searching';
    this.host.requestUpdate();
    try {
      const { searchHouseholds } = await send(this.api(), SearchHouseholdsDocument, {
        query: query.trim(),
        first: 10,
      });
      const hits = searchHouseholds.edges.map(({ node: { node } }) => ({
        id: node.id,
        address: node.address,
        tenancyReference: node.tenancyReference,
        members: node.members.map((m) => m.person),
      }));
      this.#offer(hits, true, chosen);
      this.found = hits.length;
      this.search = 'done';
    } catch (error) {
      this.search = error instanceof DoorstepError && error.code === 'FORBIDDEN' ? 'forbidden' : 'failed';
    }
    this.host.requestUpdate();
  }

  /** Adds households to those offered, each once; search results replace the last search's. */
  #offer(households: FoundHousehold[], fromSearch: boolean, chosen?: string): void {
    const kept = fromSearch
      ? this.households.filter((h) => !this.#searched.has(h.id) || h.id === chosen)
      : this.households;
    const known = new Set(kept.map((h) => h.id));
    const added = households.filter((h) => !known.has(h.id));
    if (fromSearch) this.#searched = new Set(added.map((h) => h.id));
    this.households = [...kept, ...added];
  }

  #searched = new Set<string>();
  readonly #asked = new Set<string>();
}
