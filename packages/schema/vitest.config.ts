import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';

const zodLite = fileURLToPath(new URL('./src/zod-lite.ts', import.meta.url));
const CONFORMANCE = 'src/zod-lite.test.ts';
const exclude = [...configDefaults.exclude, CONFORMANCE];

/**
 * A second copy of the schemas, built on zod-lite, next to the first on real zod: a module imported
 * with `?zod-lite` gets zod-lite for `zod`, and passes the query on to the package's own modules it
 * imports. The conformance test (src/zod-lite.test.ts) compares the two copies.
 */
const LITE = '?zod-lite';
const liteCopy: Plugin = {
  name: 'zod-lite-copy',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer?.endsWith(LITE)) return null;
    if (source === 'zod') return zodLite;
    const resolved = await this.resolve(source, importer.slice(0, -LITE.length), {
      ...options,
      skipSelf: true,
    });
    return resolved && !resolved.id.includes('/node_modules/') ? `${resolved.id}${LITE}` : resolved;
  },
};

/**
 * The schemas run on classic zod in the gateway and on zod-lite (`src/zod-lite.ts`) in the widgets'
 * bundles, which used `zod/mini` before; every schema test runs on all three. The conformance test
 * compares real zod with zod-lite, so it runs once, on real zod.
 */
export default defineConfig({
  plugins: [liteCopy],
  test: {
    projects: [
      { extends: true, test: { name: 'zod', env: { ZOD_FLAVOUR: 'classic' } } },
      {
        extends: true,
        test: { name: 'zod/mini', env: { ZOD_FLAVOUR: 'mini' }, exclude },
        resolve: { alias: [{ find: /^zod$/, replacement: 'zod/mini' }] },
      },
      {
        extends: true,
        test: { name: 'zod-lite', env: { ZOD_FLAVOUR: 'lite' }, exclude },
        resolve: { alias: [{ find: /^zod$/, replacement: zodLite }] },
      },
    ],
  },
});
