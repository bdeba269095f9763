import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from '../src/db/test-cluster.js';
import { freePort } from '@doorstep/testkit';

/** One throwaway PostgreSQL for the whole run; each test file makes its own database in it. */
export default async function setup(project: TestProject) {
  const cluster = await startThrowawayCluster(await freePort(), 'postgres');
  project.provide('pgAdminUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
