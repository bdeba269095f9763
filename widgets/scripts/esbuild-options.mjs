// The esbuild options every widget bundle is built with: by `bundle.mjs` (dist/) and `size.mjs` (the
// budget check), so the size checked is the size shipped.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * `zod` → `@doorstep/schema/zod-lite`: the few zod functions `@doorstep/schema` is written with,
 * giving the same results as zod on every schema it exports (packages/schema/src/zod-lite.test.ts
 * proves it against real zod). Classic zod would add about 43 kB gzipped to the concern form and
 * `zod/mini` about 7.5 kB; zod-lite about 1.5 kB. The widget tests run on zod-lite too.
 */
const zodLite = {
  name: 'zod-lite',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, (args) =>
      build.resolve('@doorstep/schema/zod-lite', { kind: args.kind, resolveDir: root }),
    );
  },
};

/** Collapses the white space in `css` tagged templates: esbuild minifies JavaScript, not CSS in strings. */
const minifyCss = {
  name: 'minify-css-templates',
  setup(build) {
    build.onLoad({ filter: /\.styles\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(/css`([^`]*)`/g, (_, body) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${min}\``;
      });
      return { contents, loader: 'ts' };
    });
  },
};

export const esbuildOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // Honours experimentalDecorators / useDefineForClassFields, which Lit's decorators need.
  tsconfig: path.join(root, 'tsconfig.json'),
  legalComments: 'eof',
  plugins: [zodLite, minifyCss],
  logLevel: 'warning',
};

/**
 * Gzipped budgets in bytes (1 kB = 1,000 bytes). DESIGN.md's target for the concern form is 25 kB;
 * it is not met. Measured (gzip, each alone): Lit 6.4 kB, the shared zod schemas on zod/mini
 * 9.5 kB, English and Welsh 8.3 kB, the form with its steps, three modes, encrypted outbox and
 * provider about 13 kB: 37.4 kB in all. Meeting 25 kB would mean dropping shared validation or
 * complete Welsh from the bundle; that decision is open (see docs/widgets.md). Until then this
 * budget guards against growth.
 */
export const BUDGETS = {
  'sg-concern-form': 40_000,
  // Checked once the widget exists (issue 5 builds it next).
  'sg-feedback': 15_000,
};

/**
 * Each widget, bundled alone with Lit, its translations, the schema and the client. `pnpm size`
 * checks every bundle listed here against its budget.
 */
export const bundles = [{ tag: 'sg-concern-form', entry: 'src/concern-form/define.ts' }].map((bundle) => ({
  ...bundle,
  budget: BUDGETS[bundle.tag],
}));
