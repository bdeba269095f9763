import { freePort, repoRoot, stopPostgres } from '@doorstep/testkit';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO } from './doorstep.js';

/**
 * Install (nothing to do when current), the build (skipped when `npm test` or an earlier start
 * built these very sources; about a minute otherwise) and a first start that makes its PostgreSQL
 * cluster and the demo set.
 */
const TIMEOUT_MS = 360_000;

/** Resolves once stdout contains `text`; rejects if the process exits first. */
function printed(child: ChildProcess, output: { stdout: string; stderr: string }, text: string) {
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (output.stdout.includes(text)) resolve();
    };
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) =>
      reject(new Error(`npm start exited (${code ?? signal}) first:\n${output.stdout}\n${output.stderr}`)),
    );
    check();
  });
}

/** Whether every process in the group has exited within `ms`. */
async function groupEnded(group: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited <= ms; waited += 100) {
    try {
      process.kill(-group, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe("README's first command, `npm start`", () => {
  let dataDir: string | undefined;
  let child: ChildProcess | undefined;
  let exit: Promise<number | null> | undefined;

  afterAll(async () => {
    // A failure must not leave the gateway or its PostgreSQL running, even if start.mjs is gone.
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // ESRCH: the whole process group has already exited.
      }
      await exit;
    }
    if (dataDir) {
      await stopPostgres(dataDir); // in a process group of its own
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it(
    'installs, builds what changed, serves the portal and the API, and stops cleanly on Ctrl-C',
    async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'doorstep-start-'));
      const port = await freePort();
      // Exactly as README says, and as a terminal runs it: its own process group, so Ctrl-C reaches
      // every process in it, and the developer's own environment (their npm and pnpm locations:
      // HOME, XDG_DATA_HOME, npm_config_store_dir…), or pnpm would see another store and refuse to
      // install. Only where Doorstep runs is this test's, and Doorstep's own settings are defaults.
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        EMBEDDED_PG_PORT: String(await freePort()),
        DOORSTEP_DATA_DIR: dataDir,
      };
      for (const name of ['DATABASE_URL', 'DOORSTEP_MODE', 'HOST', 'JWT_SECRET', 'SEED_DEMO', 'NODE_ENV']) {
        delete env[name];
      }
      child = spawn('npm', ['start'], {
        cwd: repoRoot,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env,
      });
      const output = { stdout: '', stderr: '' };
      child.stdout!.on('data', (d: Buffer) => (output.stdout += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (output.stderr += d.toString()));
      exit = new Promise((resolve) => child!.once('exit', (code) => resolve(code)));

      const base = `http://localhost:${port}`;
      await printed(child, output, 'Press Ctrl-C to stop.');
      expect(output.stdout).toMatch(new RegExp(`GraphQL: +${base}/graphql\\n`));
      expect(output.stdout).toMatch(new RegExp(`Example portal: +${base}/\\n`));

      const portal = await fetch(`${base}/`);
      expect(portal.status).toBe(200);
      expect(portal.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await portal.text()).toContain(
        '<script type="module" src="/widgets/sg-concern-form.js"></script>',
      );
      // The documentation the banner names, built by the same start.
      expect(output.stdout).toMatch(new RegExp(`Documentation: +${base}/docs/\\n`));
      const docs = await fetch(`${base}/docs/`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('Doorstep');
      const script = await fetch(`${base}/widgets/sg-concern-form.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/javascript/);

      // The demo sign-in the portal uses, then the API with the demo set's three concerns.
      const { token } = (await (
        await fetch(`${base}/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId: DEMO.lead }),
        })
      ).json()) as { token: string };
      const answer = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ concerns(first: 5) { totalCount } }' }),
      });
      expect(await answer.json()).toEqual({ data: { concerns: { totalCount: 3 } } });

      process.kill(-child.pid!, 'SIGINT');
      // npm itself ends on Ctrl-C, as it does in a terminal; Doorstep goes on stopping in order.
      await exit;
      expect(await groupEnded(child.pid!, 30_000)).toBe(true);
      // The gateway itself stopped (not killed by the signal), PostgreSQL last (in a process group of
      // its own, so Ctrl-C did not reach it), and nothing is left.
      expect(output.stdout).toContain('Stopping Doorstep…');
      expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    },
    TIMEOUT_MS,
  );

  it('builds again only when a file the build reads has changed', async () => {
    const tooling = (await import(path.join(repoRoot, 'scripts', 'tooling.mjs'))) as {
      sourceDigest(top: string): string;
    };
    const top = await mkdtemp(path.join(os.tmpdir(), 'doorstep-digest-'));
    try {
      const put = async (file: string, text: string) => {
        await mkdir(path.dirname(path.join(top, file)), { recursive: true });
        await writeFile(path.join(top, file), text);
      };
      await put('gateway/src/main.ts', 'export {};\n');
      await put('package.json', '{}\n');
      const first = tooling.sourceDigest(top);
      // Outputs, dependencies, data, the docs site's cache and generated pages, and logs are not
      // read by the build.
      await put('gateway/dist/main.js', 'built');
      await put('node_modules/x/index.js', 'dependency');
      await put('.doorstep/pg/postmaster.pid', '1');
      await put('docs/.vitepress/cache/deps/x.js', 'cache');
      await put('docs/reference/graphql.md', '# Generated');
      await put('gateway/run.log', 'log');
      expect(tooling.sourceDigest(top)).toBe(first);
      // A source changed, added or renamed is.
      await put('gateway/src/main.ts', 'export const changed = 1;\n');
      const changed = tooling.sourceDigest(top);
      expect(changed).not.toBe(first);
      await put('gateway/src/new.ts', 'export {};\n');
      const added = tooling.sourceDigest(top);
      expect(added).not.toBe(changed);
      await rename(path.join(top, 'gateway/src/new.ts'), path.join(top, 'gateway/src/renamed.ts'));
      const renamed = tooling.sourceDigest(top);
      expect(renamed).not.toBe(added);
      // The documentation site is built from docs/.
      await put('docs/guide.md', '# Guide');
      expect(tooling.sourceDigest(top)).not.toBe(renamed);
    } finally {
      await rm(top, { recursive: true, force: true });
    }
  });
});
