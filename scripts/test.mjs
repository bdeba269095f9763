// `npm test` (or `pnpm test`): every check and every test, the same here and in CI.
//   1. install, build (type-checks every package, checks the printed schema and the typed client
//      generated from it are current)
//   2. lint, format check and the gateway's layer check (.dependency-cruiser.mjs), and the widgets'
//      size budgets (gzipped bundles)
//   3. schema and client tests, gateway tests (vitest, real PostgreSQL), widget tests (web-test-runner,
//      real Chromium), end-to-end tests (the real gateway and example portal in Chromium)
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { checkNode, fail, install, pnpm, recordBuild, resolvePnpm, sourceDigest } from './tooling.mjs';

function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((file) => file && existsSync(file));
}

/** Debian's Chromium: installed with apt-get when we are root and it is missing. Never a download. */
function ensureChromium() {
  let chromium = findChromium();
  if (chromium) return chromium;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (root && apt) {
    console.log('Installing Chromium from Debian packages…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const get = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (update.status === 0 && get.status === 0) chromium = findChromium();
  }
  if (!chromium) {
    fail(
      'The widget and end-to-end tests need Chromium, and none was found.\n' +
        'Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary.',
    );
  }
  return chromium;
}

checkNode();
const pnpmCommand = resolvePnpm();
await install(pnpmCommand);
const chromium = ensureChromium();
const env = { ...process.env, CHROME_PATH: chromium };

const steps = [
  ['build', ['build']],
  ['lint', ['lint']],
  ['widget size budgets', ['size']],
  ['schema tests', ['--filter', '@doorstep/schema', 'test']],
  ['client tests', ['--filter', '@doorstep/client', 'test']],
  ['gateway tests', ['--filter', '@doorstep/gateway', 'test']],
  ['widget tests', ['--filter', '@doorstep/widgets', 'test']],
  ['end-to-end tests', ['--filter', '@doorstep/e2e', 'test']],
];
const failed = [];
for (const [name, args] of steps) {
  console.log(`\n── ${name} ──`);
  const digest = name === 'build' ? sourceDigest() : undefined;
  const code = await pnpm(pnpmCommand, args, { env });
  if (digest && code === 0) recordBuild(digest); // `npm start` then need not build again
  if (code !== 0) {
    failed.push(name);
    if (name === 'build') break; // nothing else can run without it
  }
}
console.log(
  failed.length
    ? `\nFailed: ${failed.join(', ')}`
    : '\nAll checks passed: build, lint, size budgets, schema, client, gateway, widget and end-to-end tests.',
);
process.exit(failed.length ? 1 : 0);
