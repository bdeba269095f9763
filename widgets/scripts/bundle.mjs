// Bundles each widget into one self-contained ES module (Lit, the schema and the client inlined),
// so a portal embeds it with one <script type="module"> tag. The gateway serves
// dist/<tag>.bundle.js at /widgets/<tag>.js.
import { build } from 'esbuild';
import path from 'node:path';
import { bundles, esbuildOptions, root } from './esbuild-options.mjs';

for (const { tag, entry } of bundles) {
  await build({
    ...esbuildOptions,
    entryPoints: [entry],
    outfile: path.join(root, 'dist', `${tag}.bundle.js`),
  });
}
