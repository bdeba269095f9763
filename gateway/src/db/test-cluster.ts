import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from './embedded.js';

/** A throwaway PostgreSQL in a temporary folder, for tests and tools. Never for real data. */
export async function startThrowawayCluster(port: number, database = 'doorstep') {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'doorstep-pg-'));
  const db = await startEmbedded({ dataDir, port, database, fast: true });
  return {
    url: db.url,
    async stop() {
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
