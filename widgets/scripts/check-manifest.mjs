// Fails when custom-elements.json no longer matches what the analyzer makes from the sources' JSDoc.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { root } from './esbuild-options.mjs';

// The analyzer takes --outdir relative to the package.
const outdir = 'node_modules/.cache/custom-elements-check';
const dir = path.join(root, outdir);
await mkdir(dir, { recursive: true });
try {
  const cli = path.join(root, 'node_modules', '.bin', 'custom-elements-manifest');
  execFileSync(cli, ['analyze', '--quiet', '--outdir', outdir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const fresh = await readFile(path.join(dir, 'custom-elements.json'), 'utf8');
  const committed = await readFile(path.join(root, 'custom-elements.json'), 'utf8').catch(() => '');
  if (fresh !== committed) {
    console.error(
      'widgets/custom-elements.json is out of date with the components’ JSDoc.\n' +
        'Run `pnpm --filter @doorstep/widgets manifest` and commit the result.',
    );
    process.exit(1);
  }
  console.log('custom-elements.json is current.');
} finally {
  await rm(dir, { recursive: true, force: true });
}
