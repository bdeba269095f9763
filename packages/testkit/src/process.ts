import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/testkit/dist/process.js). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface DoorstepProcess {
  child: ChildProcess;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code. */
  exit: Promise<number | null>;
  /** Resolves once "Doorstep is running" is printed; rejects if it exits first or takes over 60 s. */
  ready(): Promise<void>;
  /** Ctrl-C (to its process group, as a terminal does, if it has one), then waits for the exit code. */
  interrupt(): Promise<number | null>;
}

export interface RunOptions {
  /**
   * Its own process group, as a terminal gives a program: `interrupt()` then sends Ctrl-C to the
   * whole group, every process the gateway started in it included.
   */
  processGroup?: boolean;
}

/**
 * Runs the built program exactly as `npm start` does (`node gateway/dist/main.js`), with only the
 * given environment (plus PATH and HOME).
 */
export function runDoorstep(env: Record<string, string>, options: RunOptions = {}): DoorstepProcess {
  const main = path.join(repoRoot, 'gateway', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error('gateway/dist/main.js is missing: run `pnpm build` first');
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup === true,
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    async ready() {
      for (let waited = 0; !out.includes('Doorstep is running'); waited += 100) {
        if (child.exitCode !== null) throw new Error(`Doorstep exited ${child.exitCode}:\n${err}`);
        if (waited > 60_000) throw new Error(`Doorstep did not start in 60 s:\n${out}\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async interrupt() {
      if (child.exitCode === null && child.signalCode === null) {
        if (options.processGroup) process.kill(-child.pid!, 'SIGINT');
        else child.kill('SIGINT');
      }
      return exit;
    },
  };
}
