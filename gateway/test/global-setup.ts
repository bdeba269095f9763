import 'reflect-metadata';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../src/db/demo.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { startThrowawayCluster } from '../src/db/test-cluster.js';
import { freePort } from '@doorstep/testkit';

/** Migrated, with nothing in it: what `testDatabase` copies. */
export const MIGRATED_TEMPLATE = 'template_migrated';
/** Migrated, with the demo organisations, users and records: what `testGateway` copies. */
export const DEMO_TEMPLATE = 'template_demo';

/**
 * One throwaway PostgreSQL for the whole run; each test file makes its own database in it, as a
 * copy of a template database migrated (and seeded with the demo) once here: copying one takes a
 * fraction of a second, migrating and seeding one several seconds.
 */
export default async function setup(project: TestProject) {
  // pg_stat_statements: tests count the statements a request really sends (the compiled read path
  // does not go through MikroORM's query log).
  const cluster = await startThrowawayCluster(await freePort(), 'postgres', {
    shared_preload_libraries: 'pg_stat_statements',
  });
  // MikroORM writes MIKRO_ORM_COLORS into the environment, which the test workers inherit: colours
  // in MikroORM's query log would hide its "[query]" lines from the tests that count statements.
  const colors = process.env.MIKRO_ORM_COLORS;
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    const urlOf = (name: string) => Object.assign(new URL(cluster.url), { pathname: `/${name}` }).toString();
    try {
      await admin.query(`create database ${MIGRATED_TEMPLATE}`);
      const migrated = await openOrm(urlOf(MIGRATED_TEMPLATE));
      await migrate(migrated).finally(() => migrated.close());
      await admin.query(`create database ${DEMO_TEMPLATE} template ${MIGRATED_TEMPLATE}`);
      const demo = await openOrm(urlOf(DEMO_TEMPLATE));
      const seededAt = Date.now();
      await seedDemo(demo.em.fork()).finally(() => demo.close());
      project.provide('pgTemplates', { migrated: MIGRATED_TEMPLATE, demo: DEMO_TEMPLATE, seededAt });
    } finally {
      await admin.end();
    }
  } catch (error) {
    await cluster.stop();
    throw error;
  } finally {
    if (colors === undefined) delete process.env.MIKRO_ORM_COLORS;
    else process.env.MIKRO_ORM_COLORS = colors;
  }
  project.provide('pgAdminUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    /** The template databases' names, and when the demo's was seeded (its dates are relative to then). */
    pgTemplates: { migrated: string; demo: string; seededAt: number };
  }
}
