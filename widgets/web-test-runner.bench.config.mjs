import config from './web-test-runner.config.mjs';

/**
 * `pnpm --filter @doorstep/widgets bench`: the widgets' speed in Chromium against the real gateway
 * (bench/*.bench.ts), measured with the shipped bundles (`pnpm build` first). Figures are printed;
 * nothing is asserted on the clock (docs/performance.md keeps them).
 */
export default {
  ...config,
  files: ['bench/**/*.bench.ts'],
  testFramework: { config: { timeout: 600_000 } },
};
