// Bundles each widget into one self-contained ES module (Lit, the schema and the client inlined),
// so a portal embeds it with one <script type="module"> tag. The gateway serves
// dist/<tag>.bundle.js at /widgets/<tag>.js.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * zod's `z` namespace re-exports all of its ~50 locales (`z.locales`), and esbuild cannot drop a
 * namespace re-export, so they would be most of the bundle. Nothing here uses them: the schema writes
 * its own messages and the widgets translate those. (zod's default English is imported separately.)
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

const bundles = [{ tag: 'sg-concern-form', entry: 'src/concern-form/define.ts' }];

for (const { tag, entry } of bundles) {
  const outfile = path.join(root, 'dist', `${tag}.bundle.js`);
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Honours experimentalDecorators / useDefineForClassFields, which Lit's decorators need.
    tsconfig: path.join(root, 'tsconfig.json'),
    legalComments: 'eof',
    plugins: [withoutZodLocales],
    logLevel: 'warning',
  });
  const code = await readFile(outfile);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(
    `${path.relative(root, outfile)}: ${kb(code.length)}, ${kb(gzipSync(code, { level: 9 }).length)} gzipped`,
  );
}
