import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Widget tests in Debian's Chromium (never a downloaded browser). CHROME_PATH overrides it. */
export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  // The workspace packages and pnpm's store live above this folder.
  rootDir: path.resolve(here, '..'),
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: path.join(here, 'tsconfig.json') })],
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
