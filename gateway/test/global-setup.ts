import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from '../src/db/test-cluster.js';
import { freePort } from '@doorstep/testkit';

/** One throwaway PostgreSQL for the whole run; each test file makes its own database in it. */
export default async function setup(project: TestProject) {
  // pg_stat_statements: tests count the statements a request really sends (the compiled read path
  // does not go through MikroORM's query log).
  const cluster = await startThrowawayCluster(await freePort(), 'postgres', {
    shared_preload_libraries: 'pg_stat_statements',
  });
  project.provide('pgAdminUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
