import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = promisify(execFile);

/** `codegen:check` on a copy of the operations, changed by `change`: its exit code and what it said. */
async function checkWith(folder: string, change: (referrals: string) => string) {
  const copy = path.join(folder, String(Math.random()).slice(2));
  await cp(path.join(root, 'src', 'operations'), copy, { recursive: true });
  const file = path.join(copy, 'referrals.graphql');
  await writeFile(file, change(await readFile(file, 'utf8')));
  const args = ['scripts/codegen.mjs', '--check', '--documents', path.join(copy, '*.graphql')];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: root });
    return { code: 0, output: stdout };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
}

describe('codegen:check', { timeout: 30_000 }, () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'doorstep-codegen-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('passes when the committed code is what the operations and the schema give', async () => {
    const { code, output } = await checkWith(folder, (text) => text);
    expect(output).toContain('is current');
    expect(code).toBe(0);
  });

  it('fails, naming the command to run, when an operation changed and the code was not regenerated', async () => {
    const { code, output } = await checkWith(folder, (text) =>
      text.replace('    agencyType\n', '    agencyType\n    __typename\n'),
    );
    expect(code).toBe(1);
    expect(output).toContain('src/generated/graphql.ts is stale');
    expect(output).toContain('pnpm --filter @doorstep/client codegen');
    expect(output).toMatch(/First difference, line \d+:\n {2}committed: .*\n {2}now: .*__typename/);
  });

  it('fails, naming the field and the file, when an operation does not validate against the schema', async () => {
    const { code, output } = await checkWith(folder, (text) =>
      text.replace('    agencyType\n', '    agencyType\n    telephone\n'),
    );
    expect(code).toBe(1);
    expect(output).toContain('do not validate against gateway/schema.graphql');
    expect(output).toContain('Cannot query field "telephone" on type "PartnerAgency"');
    expect(output).toContain('referrals.graphql');
  });
});
