import {
  ChronologyDocument,
  ConcernsDocument,
  HouseholdDocument,
  operationName,
  type TypedDocumentString,
} from '@doorstep/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway, user } from '../../test/harness.js';
import { lead } from '../../test/records.js';
import { DEMO_HOUSEHOLDS } from '../db/demo.js';
import { makeBatch, random, writeBatch } from '../db/synthetic.js';
import { createFloor } from './floor.js';

/**
 * The benchmark's floor answers what the gateway answers, and audits the same records: for each
 * operation it stands in for, as a lead and as a champion (from whom a restricted person is
 * hidden), over the demo households and dense synthetic ones. If a view changes, this fails until
 * the floor's SQL follows it.
 */
let gw: Awaited<ReturnType<typeof testGateway>>;
let floor: ReturnType<typeof createFloor>;
let floorUrl: string;
beforeAll(async () => {
  gw = await testGateway();
  const client = new pg.Client({ connectionString: gw.url });
  await client.connect();
  await writeBatch(client, lead.organisationId, lead.id, makeBatch(random(5), 1, 40));
  await client.end();
  floor = createFloor({ url: gw.url, jwt: gw.config.jwt, poolMax: 2 });
  floorUrl = `http://127.0.0.1:${await floor.listen()}/graphql`;
});
afterAll(async () => {
  await floor.close();
  await gw.close();
});

const champion = user('jo.williams');

/** The answer and the records audited for it, from the gateway and from the floor. */
async function both<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  as = lead,
) {
  const body = JSON.stringify({
    operationName: operationName(document),
    query: document.toString(),
    variables,
  });
  const ask = async (url: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await gw.tokenFor(as)}` },
      body,
    });
    const requestId = response.headers.get('x-request-id');
    const audited = await gw.sql<{ record: string }>(
      `select distinct entity_type || ' ' || coalesce(entity_id::text, '') as record from audit_event
        where request_id = $1 order by 1`,
      [requestId],
    );
    return {
      answer: (await response.json()) as Record<string, unknown>,
      audited: audited.map((a) => a.record),
    };
  };
  return { gateway: await ask(`${gw.base}/graphql`), floor: await ask(floorUrl) };
}

describe('the benchmark floor', () => {
  it('answers the household view as the gateway does, and audits the same records', async () => {
    const synthetic = await gw.sql<{ id: string }>(
      `select household_id as id from concern where household_id is not null group by 1 order by count(*) desc, 1 limit 4`,
    );
    const households = [
      ...DEMO_HOUSEHOLDS.filter((h) => h.organisationId === lead.organisationId).map((h) => h.id),
      ...synthetic.map((h) => h.id),
    ];
    let compared = 0;
    for (const as of [lead, champion]) {
      for (const id of households) {
        const { gateway, floor } = await both(HouseholdDocument, { id, concerns: 3, chronology: 5 }, as);
        expect(gateway.answer.errors).toBeUndefined();
        expect(floor.answer, `household ${id} as ${as.email}`).toEqual(gateway.answer);
        expect(floor.audited, `audit of household ${id} as ${as.email}`).toEqual(gateway.audited);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(8);
  });

  it('answers a page of the organisation’s concerns and of a household’s chronology as the gateway does', async () => {
    const [densest] = await gw.sql<{ id: string }>(
      `select household_id as id from concern where household_id is not null group by 1 order by count(*) desc, 1 limit 1`,
    );
    for (const as of [lead, champion]) {
      const concerns = await both(ConcernsDocument, { first: 50 }, as);
      expect(concerns.gateway.answer.errors).toBeUndefined();
      expect(concerns.floor).toEqual(concerns.gateway);
      const chronology = await both(
        ChronologyDocument,
        { subject: { householdId: densest!.id }, filter: { newestFirst: true }, first: 10 },
        as,
      );
      expect(chronology.gateway.answer.errors).toBeUndefined();
      expect(chronology.floor).toEqual(chronology.gateway);
    }
  });
});
