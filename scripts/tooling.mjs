// Shared by start.mjs and test.mjs. Plain Node, no dependencies: these run before anything is installed.
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** What the build does not read: dependencies, its own outputs, data, scratch and logs. */
const NOT_BUILT_FROM = new Set(['node_modules', '.git', 'dist', '.doorstep', 'coverage', 'tmp']);
/** The documentation site's cache and the references it generates. */
const GENERATED = new Set([path.join('docs', '.vitepress', 'cache'), path.join('docs', 'reference')]);
const notBuiltFrom = (name, relative) =>
  NOT_BUILT_FROM.has(name) || GENERATED.has(relative) || /\.(log|tsbuildinfo)$/.test(name);

/** A digest of every file under `top` the build could read: names and contents, in a fixed order. */
export function sourceDigest(top = root) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (notBuiltFrom(entry.name, path.relative(top, full))) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile())
        hash
          .update(`${path.relative(root, full)}\0`)
          .update(readFileSync(full))
          .update('\0');
    }
  };
  walk(top);
  return hash.digest('hex');
}

/** The digest of the sources the last successful build was made from. */
const BUILD_STAMP = path.join(root, 'node_modules', '.cache', 'doorstep-build-digest');
const BUILT = [
  'packages/schema/dist/index.js',
  'packages/client/dist/index.js',
  'gateway/dist/main.js',
  'widgets/dist/sg-concern-form.bundle.js',
  'docs/.vitepress/dist/index.html',
  'packages/graphiql/dist/index.html',
];

/** Whether the outputs were built from exactly the sources there now. */
export function buildIsCurrent(digest) {
  return (
    BUILT.every(hasFile) && existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, 'utf8').trim() === digest
  );
}

export function recordBuild(digest) {
  mkdirSync(path.dirname(BUILD_STAMP), { recursive: true });
  writeFileSync(BUILD_STAMP, digest + '\n');
}
