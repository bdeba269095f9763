import { defineConfig } from 'vitest/config';

/**
 * The schemas run on classic zod in the gateway and on `zod/mini` in the widgets' bundles (see
 * `src/concern.ts`), so every schema test runs on both.
 */
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'zod', env: { ZOD_FLAVOUR: 'classic' } } },
      {
        extends: true,
        test: { name: 'zod/mini', env: { ZOD_FLAVOUR: 'mini' } },
        resolve: { alias: [{ find: /^zod$/, replacement: 'zod/mini' }] },
      },
    ],
  },
});
