// `pnpm size`: bundles each widget alone (Lit, its translations, the schema and the client included),
// minified, and fails if its gzipped size is over its budget. Prints every size.
import { gzipSync } from 'node:zlib';
import { bundles, bundleWidget } from './esbuild-options.mjs';

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
if (over) {
  console.error(`\n${over} widget${over === 1 ? ' is' : 's are'} over budget.`);
  process.exit(1);
}
