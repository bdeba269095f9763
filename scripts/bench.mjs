// `pnpm bench [options]`: the gateway's benchmark with the options given (docs/performance.md),
// then the widgets' browser benchmark when every scenario is asked for (no --only). pnpm would
// hand the options to the last command of a script chain only, so this passes them on itself.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (filter, extra) =>
  spawnSync('pnpm', ['--filter', filter, 'run', 'bench', ...extra], { stdio: 'inherit' }).status ?? 1;

let status = run('@doorstep/gateway', args);
if (status === 0 && !args.includes('--only') && !args.some((a) => a.startsWith('--only=')))
  status = run('@doorstep/widgets', []);
process.exit(status);
