// `npm start` (or `pnpm start`): installs what is missing, builds, and starts Doorstep.
import { checkNode, fail, install, pnpm, resolvePnpm, run } from './tooling.mjs';

checkNode();
const pnpmCommand = resolvePnpm();
await install(pnpmCommand);
if ((await pnpm(pnpmCommand, ['build'])) !== 0) fail('The build failed (see above).');

// Ctrl-C reaches the gateway directly (same terminal process group); wait for it to stop cleanly.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
const code = await run(process.execPath, ['gateway/dist/main.js']);
process.exit(code);
