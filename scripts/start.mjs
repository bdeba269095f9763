// `npm start` (or `pnpm start`): installs what is missing, builds what changed, and starts Doorstep.
import {
  buildIsCurrent,
  checkNode,
  fail,
  install,
  pnpm,
  recordBuild,
  resolvePnpm,
  run,
  sourceDigest,
} from './tooling.mjs';

checkNode();
const pnpmCommand = resolvePnpm();
await install(pnpmCommand);
// Built again only when a source file changed since the last successful build (`npm test` builds
// every time, and records what it built from too).
const digest = sourceDigest();
if (buildIsCurrent(digest)) {
  console.log('The build is current.');
} else {
  if ((await pnpm(pnpmCommand, ['build'])) !== 0) fail('The build failed (see above).');
  recordBuild(digest);
}

// Ctrl-C reaches the gateway directly (same terminal process group); wait for it to stop cleanly.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
const code = await run(process.execPath, ['gateway/dist/main.js']);
process.exit(code);
