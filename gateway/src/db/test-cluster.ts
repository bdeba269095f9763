import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from './embedded.js';

/**
 * A throwaway PostgreSQL in a temporary folder, for tests and tools. Never for real data.
 * `settings`: more server settings (`shared_preload_libraries`, …). `dataDir` holds the cluster in
 * `pg/` (its `postmaster.pid` names the server process, for the benchmark's CPU figures).
 */
export async function startThrowawayCluster(
  port: number,
  database = 'doorstep',
  settings: Readonly<Record<string, string>> = {},
) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'doorstep-pg-'));
  const db = await startEmbedded({ dataDir, port, database, fast: true, settings });
  return {
    url: db.url,
    dataDir,
    async stop() {
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
