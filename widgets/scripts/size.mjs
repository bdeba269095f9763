// `pnpm size`: bundles each widget alone (Lit, its translations, the schema and the client included),
// minified, and fails if its gzipped size is over its budget; then builds every widget together as
// ES modules with shared chunks and fails if all their files together are over MODULES_BUDGET.
// Prints every size.
import { gzipSync } from 'node:zlib';
import { bundleModules, bundles, bundleWidget, chunksOf, MODULES_BUDGET } from './esbuild-options.mjs';

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
let over = 0;
for (const { tag, entry, budget } of bundles) {
  const code = Buffer.from(await bundleWidget(entry));
  const gzipped = gzipSync(code, { level: 9 }).length;
  const ok = gzipped <= budget;
  if (!ok) over++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${tag}: ${kB(gzipped)} gzipped (budget ${kB(budget)}), ${kB(code.length)} minified`,
  );
}

const modules = await bundleModules();
const gzipped = new Map([...modules].map(([name, { code }]) => [name, gzipSync(code, { level: 9 }).length]));
const total = [...gzipped.values()].reduce((sum, size) => sum + size, 0);
const ok = total <= MODULES_BUDGET;
if (!ok) over++;
console.log(
  `\n${ok ? 'ok  ' : 'OVER'} all ${bundles.length} widgets through shared chunks: ${kB(total)} gzipped ` +
    `(budget ${kB(MODULES_BUDGET)}), ${modules.size} files`,
);
for (const [name, { tag }] of modules) {
  if (!tag) continue;
  const shared = chunksOf(modules, name).reduce((sum, chunk) => sum + gzipped.get(chunk), 0);
  console.log(`     ${tag}: ${kB(gzipped.get(name))} of its own, ${kB(shared)} in chunks it may load`);
}
if (over) {
  console.error(`\n${over} budget${over === 1 ? ' is' : 's are'} exceeded.`);
  process.exit(1);
}
