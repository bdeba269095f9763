import { repoRoot } from '@doorstep/testkit';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDoorstep } from './doorstep.js';

/**
 * Every command README.md shows, one per line (a line ending in `\` goes on), from its ```sh blocks,
 * exactly as written there: comments and all, for `sh` to read.
 */
export function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    let command = '';
    for (const line of block[1]!.split('\n')) {
      command += (command ? '\n' : '') + line;
      if (line.endsWith('\\')) continue;
      if (command.trim()) commands.push(command);
      command = '';
    }
  }
  return commands;
}

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

/** What each README command must do. A command the README gains fails the test until it has a check here. */
type Check = (result: { stdout: string; stderr: string; status: number | null }) => void;
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const CHECKS: { command: RegExp; runs: 'here' | string; check?: Check }[] = [
  // Run by e2e/start.test.ts, exactly as written, with Ctrl-C at the end.
  { command: /^npm start\b/, runs: 'start.test.ts' },
  // The command running this very test.
  { command: /^npm test\b/, runs: 'npm test' },
  {
    command: /^pnpm demo-token --user priya\b/,
    runs: 'here',
    check: ({ stdout }) => expect(stdout.trim().split('\n').at(-1)).toMatch(JWT),
  },
  {
    command: /^curl .*localhost:4000\/graphql/,
    runs: 'here',
    check: ({ stdout }) => {
      const answer = JSON.parse(stdout) as {
        data?: { concerns: { totalCount: number; edges: { node: { reference: string } }[] } };
        errors?: unknown;
      };
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.concerns.totalCount).toBe(3);
      expect(answer.data!.concerns.edges[0]!.node.reference).toMatch(/^SG-/);
    },
  },
];

describe("README's commands, exactly as written", () => {
  const commands = readmeCommands(readme);

  it('finds the two commands and the API examples, and knows how to check each', () => {
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const command of commands) {
      expect(
        CHECKS.filter((c) => c.command.test(command)),
        `no check for README's \`${command}\``,
      ).toHaveLength(1);
    }
  });

  it('`npm start` and `npm test` run the scripts the tests run', () => {
    expect(packageJson.scripts.start).toBe('node scripts/start.mjs');
    expect(packageJson.scripts.test).toBe('node scripts/test.mjs');
    expect(readFileSync(path.join(import.meta.dirname, 'start.test.ts'), 'utf8')).toContain(
      "spawn('npm', ['start']",
    );
  });

  describe('against a running Doorstep', () => {
    let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
    beforeAll(async () => {
      doorstep = await startDoorstep();
    });
    afterAll(async () => {
      await doorstep?.stop();
    });

    for (const command of commands) {
      const entry = CHECKS.find((c) => c.command.test(command));
      if (entry?.runs !== 'here') continue;
      it(command.split('\n')[0]!, () => {
        // As a developer runs it beside `npm start`: in the repository, with their own environment.
        // Only where Doorstep is differs: this test's gateway, its port and its data folder.
        const port = new URL(doorstep.base).port;
        const result = spawnSync('sh', ['-c', command.replaceAll('localhost:4000', `localhost:${port}`)], {
          cwd: repoRoot,
          encoding: 'utf8',
          env: { ...process.env, DOORSTEP_DATA_DIR: doorstep.dataDir },
          timeout: 60_000,
        });
        expect(result.status, `${command}\n${result.stdout}\n${result.stderr}`).toBe(0);
        entry.check!(result);
      });
    }
  });
});
