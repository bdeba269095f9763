import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real, built Doorstep (`gateway/dist/main.js`, as `npm start` does) in a fresh data
 * folder with its embedded PostgreSQL, and gives a SQL client onto that database.
 */
export async function startDoorstep() {
  for (const built of ['gateway/dist/main.js', 'widgets/dist/sg-concern-form.bundle.js']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run \`pnpm build\` first`);
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'doorstep-e2e-'));
  const port = await freePort();
  const pgPort = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'gateway/dist/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DOORSTEP_DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  for (let waited = 0; !output.includes('Doorstep is running'); waited += 100) {
    if (child.exitCode !== null || waited > 60_000) throw new Error(`Doorstep did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const password = (await readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
  return {
    base: `http://localhost:${port}`,
    output: () => output,
    async sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
      const client = new pg.Client({
        host: '127.0.0.1',
        port: pgPort,
        user: 'postgres',
        password,
        database: 'doorstep',
      });
      await client.connect();
      try {
        return (await client.query<T>(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const chromiumPath = () => process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-extensions',
  '--no-first-run',
];
