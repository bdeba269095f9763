// Bundles each widget into one self-contained ES module (Lit, the schema and the client inlined),
// so a portal embeds it with one <script type="module"> tag. The gateway serves
// dist/<tag>.bundle.js at /widgets/<tag>.js.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundles, bundleWidget, root } from './esbuild-options.mjs';

await mkdir(path.join(root, 'dist'), { recursive: true });
for (const { tag, entry } of bundles) {
  await writeFile(path.join(root, 'dist', `${tag}.bundle.js`), await bundleWidget(entry));
}
