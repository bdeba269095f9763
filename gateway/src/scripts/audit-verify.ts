/**
 * Checks the audit trail's hash chains and names the first row that was changed, removed or
 * re-ordered. Exit code 0 when every chain is intact, 1 when one is not, 2 when it could not check.
 *
 *   pnpm audit:verify           against DATABASE_URL, or the embedded database (running or not)
 *   pnpm audit:verify --seal    first seal rows written since the last sealing (when no gateway runs)
 */
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { withToolDatabase } from '../db/connect-tool.js';
import { DatabaseUnreachableError } from '../db/orm.js';
import { sealAuditTrail, verifyAuditTrail } from '../modules/audit/audit-chain.js';

const { values } = parseArgs({ options: { seal: { type: 'boolean', default: false } } });
const say = (line: string) => process.stdout.write(line + '\n');

try {
  const config = loadConfig();
  const code = await withToolDatabase(config, async ({ orm }) => {
    const em = () => orm.em.fork() as EntityManager;
    if (values.seal) say(`Sealed ${await sealAuditTrail(em())} new rows.`);
    const result = await verifyAuditTrail(em());
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
  const plain = error instanceof ConfigError || error instanceof DatabaseUnreachableError;
  process.stderr.write(
    `audit:verify: ${plain ? (error as Error).message : `could not check (${(error as Error)?.name})`}\n`,
  );
  process.exit(2);
}
