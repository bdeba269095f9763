import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeGateway } from './test/fake-gateway.mjs';
import { reactBundle } from './test/react-bundle.mjs';
import { realGateway } from './test/real-gateway.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The widgets' bundles run on zod-lite (scripts/esbuild-options.mjs), so the tests do too: the
 * resolved zod entry is swapped for `@doorstep/schema`'s zod-lite, served from the workspace.
 */
const zodLiteUrl = '/packages/schema/dist/zod-lite.js'; // under rootDir, the workspace
const zodLite = {
  name: 'zod-lite',
  transformImport({ source }) {
    return /\/zod\/index\.js(\?.*)?$/.test(source) ? zodLiteUrl : undefined;
  },
};

const doorstep = realGateway();

/**
 * Widget tests in Debian's Chromium (never a downloaded browser). CHROME_PATH overrides it. The
 * concern form's tests use a fake gateway they can steer (dropped connections, lost answers); the
 * others talk to the real, built Doorstep (`pnpm build` first).
 */
export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  // The workspace packages and pnpm's store live above this folder.
  rootDir: path.resolve(here, '..'),
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [fakeGateway, doorstep.middleware],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: path.join(here, 'tsconfig.json') }),
    zodLite,
    reactBundle(here),
    doorstep.plugin,
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--disable-extensions',
          '--no-first-run',
        ],
      },
    }),
  ],
};
