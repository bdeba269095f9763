// Bundles each widget into one self-contained ES module (Lit, the schema and the client inlined),
// so a portal embeds it with one <script type="module"> tag. Each is written twice into dist/:
// <tag>.bundle.js, which the gateway serves at /widgets/<tag>.js (always the latest), and
// <tag>.<hash>.js, named by its content, which the gateway serves at /widgets/<tag>.<hash>.js to be
// cached for good. dist/manifest.json (served at /widgets/manifest.json) gives each widget's
// versioned file and its Subresource Integrity digest.
//
// Then every widget again as ES modules with shared chunks, into dist/esm/ (served at
// /widgets/esm/): <tag>.<HASH>.js per widget and chunk.<HASH>.js for the code widgets share, named by
// content and cached for good, and <tag>.js, the latest entry, revalidated. The manifest gives each
// widget's entry (`module`) with its integrity and the integrity of every chunk it imports.
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleModules, bundles, bundleWidget, chunksOf, MODULES_DIR, root } from './esbuild-options.mjs';

const dist = path.join(root, 'dist');
await mkdir(dist, { recursive: true });
const manifest = {};
const integrity = (code) => `sha384-${createHash('sha384').update(code).digest('base64')}`;
for (const { tag, entry } of bundles) {
  const code = Buffer.from(await bundleWidget(entry));
  const digest = createHash('sha384').update(code).digest();
  // 16 hex digits: the gateway accepts exactly this form (gateway/src/http/static.ts).
  const file = `${tag}.${digest.toString('hex').slice(0, 16)}.js`;
  // The versioned file first: a name, once written, never holds other content.
  await writeFile(path.join(dist, file), code);
  await writeFile(path.join(dist, `${tag}.bundle.js`), code);
  manifest[tag] = { file, integrity: `sha384-${digest.toString('base64')}` };
}

// The shared-chunk build replaces the previous one whole: its files are named by esbuild's hashes.
await rm(MODULES_DIR, { recursive: true, force: true });
await mkdir(MODULES_DIR);
const modules = await bundleModules();
const esm = (name) => `${path.basename(MODULES_DIR)}/${name}`;
for (const [name, { code, tag }] of modules) {
  await writeFile(path.join(MODULES_DIR, name), code);
  if (!tag) continue;
  await writeFile(path.join(MODULES_DIR, `${tag}.js`), code);
  const chunks = chunksOf(modules, name).map((chunk) => [esm(chunk), integrity(modules.get(chunk).code)]);
  manifest[tag].module = { file: esm(name), integrity: integrity(code), chunks: Object.fromEntries(chunks) };
}
// Earlier builds' versioned files go: the gateway serves only the bundles it was built with.
const current = new Set(Object.values(manifest).map(({ file }) => file));
for (const name of await readdir(dist)) {
  if (/^sg-[a-z-]+\.[0-9a-f]{16}\.js$/.test(name) && !current.has(name)) await rm(path.join(dist, name));
}
await writeFile(path.join(dist, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
