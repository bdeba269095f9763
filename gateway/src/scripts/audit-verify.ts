/**
 * Checks the audit trail's hash chains and names the first row that was changed, removed or
 * re-ordered. Exit code 0 when every chain is intact, 1 when one is not, 2 when it could not check.
 *
 *   pnpm audit:verify           against DATABASE_URL, or the embedded database (running or not)
 *   pnpm audit:verify --seal    first seal rows written since the last sealing (when no gateway runs)
 *   pnpm audit:verify --checkpoint FILE
 *                               also check every chain still reaches where FILE says it ended at the
 *                               last check (rows cut from a chain's end leave no gap otherwise), then
 *                               write where each ends now to FILE. Keep FILE away from the database.
 */
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config.js';
import { withToolDatabase } from '../db/connect-tool.js';
import { DatabaseUnreachableError } from '../db/orm.js';
import { sealAuditTrail, verifyAuditTrail, type ChainHeads } from '../modules/audit/audit-chain.js';

const { values } = parseArgs({
  options: { seal: { type: 'boolean', default: false }, checkpoint: { type: 'string' } },
});
const say = (line: string) => process.stdout.write(line + '\n');

class CheckpointError extends Error {}

const checkpointSchema = z.object({
  writtenAt: z.string(),
  heads: z.record(
    z.string().uuid(),
    z.object({ seq: z.string().regex(/^[1-9]\d*$/), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
});

function readCheckpoint(file: string): z.infer<typeof checkpointSchema> | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new CheckpointError(`${file} is not a checkpoint this command wrote (not JSON)`);
  }
  const parsed = checkpointSchema.safeParse(json);
  if (!parsed.success) throw new CheckpointError(`${file} is not a checkpoint this command wrote`);
  return parsed.data;
}

/** Written whole or not at all: a new file, then renamed over the old one. */
function writeCheckpoint(file: string, heads: ChainHeads) {
  const body = JSON.stringify({ writtenAt: new Date().toISOString(), heads }, null, 2) + '\n';
  writeFileSync(`${file}.new`, body);
  renameSync(`${file}.new`, file);
}

try {
  const config = loadConfig();
  const checkpoint = values.checkpoint ? readCheckpoint(values.checkpoint) : undefined;
  const code = await withToolDatabase(config, async ({ orm }) => {
    const em = () => orm.em.fork() as EntityManager;
    if (values.seal) say(`Sealed ${await sealAuditTrail(em())} new rows.`);
    const result = await verifyAuditTrail(em(), { since: checkpoint?.heads });
    if (!result.ok) {
      const bad = result.firstBad!;
      say(
        `Audit trail NOT intact. Organisation ${bad.organisationId}, place ${bad.chainSeq} in its chain` +
          `${bad.id ? ` (audit row ${bad.id})` : ''}: ${bad.problem}.`,
      );
      say(`${result.checked.toLocaleString('en-GB')} rows before it checked out.`);
      return 1;
    }
    say(`Audit trail intact: ${result.checked.toLocaleString('en-GB')} sealed rows checked.`);
    if (checkpoint) say(`Every chain still reaches where it ended at the check of ${checkpoint.writtenAt}.`);
    if (values.checkpoint) {
      writeCheckpoint(values.checkpoint, result.heads);
      say(`Where each chain ends now is in ${values.checkpoint}.`);
    }
    if (result.unsealed) {
      say(
        `${result.unsealed.toLocaleString('en-GB')} rows are not sealed yet (written in the last few seconds, ` +
          'or no gateway is running: use --seal).',
      );
    }
    return 0;
  });
  process.exit(code);
} catch (error) {
  const plain =
    error instanceof ConfigError ||
    error instanceof DatabaseUnreachableError ||
    error instanceof CheckpointError;
  process.stderr.write(
    `audit:verify: ${plain ? (error as Error).message : `could not check (${(error as Error)?.name})`}\n`,
  );
  process.exit(2);
}
