/**
 * Writes the GraphQL schema to gateway/schema.graphql, the contract partner agencies and the typed
 * client read. With --check, fails if the committed file differs from the code (run by the build).
 */
import 'reflect-metadata';
import { printSchema } from 'graphql';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../config.js';
import { getSchema } from '../schema.js';

const file = path.join(repoRoot, 'gateway', 'schema.graphql');
const printed = printSchema(await getSchema()) + '\n';
if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== printed) {
    process.stderr.write(
      'gateway/schema.graphql is out of date: run `pnpm --filter @doorstep/gateway schema:print` and commit it\n',
    );
    process.exit(1);
  }
} else {
  await writeFile(file, printed);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}\n`);
}
