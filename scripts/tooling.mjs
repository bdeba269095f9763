// Shared by start.mjs and test.mjs. Plain Node, no dependencies: these run before anything is installed.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = '10.34.8';

export function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`Doorstep needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  }
}

function works(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', shell: process.platform === 'win32' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** The pnpm to use: the installed one if it is the pinned version, else installed, else through npx. */
export function resolvePnpm() {
  if (works('pnpm', ['--version']) === PNPM_VERSION) return ['pnpm'];
  console.log(`Getting pnpm ${PNPM_VERSION}…`);
  const installed = spawnSync('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (installed.status === 0 && works('pnpm', ['--version']) === PNPM_VERSION) return ['pnpm'];
  console.log('Could not install pnpm globally; using it through npx.');
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

/** Runs a command in the repository, inheriting the terminal; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
      ...options,
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function pnpm(pnpmCommand, args, options) {
  const [command, ...prefix] = pnpmCommand;
  return run(command, [...prefix, ...args], options);
}

export async function install(pnpmCommand) {
  const code = await pnpm(pnpmCommand, ['install', '--frozen-lockfile']);
  if (code !== 0) fail('Installing dependencies failed (see above).');
}

export const hasFile = (relative) => existsSync(path.join(root, relative));
