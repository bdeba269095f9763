#!/usr/bin/env node
// Summarises a V8 CPU profile (`node --cpu-prof`, or `BENCH_PROFILE=<dir> pnpm bench`): the share
// of busy time spent in each package (self time) and the functions that cost the most.
//   node scripts/profile-summary.mjs <file.cpuprofile> [top functions, default 30]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
profile.timeDeltas.forEach((delta, i) => {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + delta);
});

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);
function where(url) {
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node';
  const source = url.match(/\/(gateway|packages\/[^/]+)\/(?:dist|src)\/(.*)$/);
  return source ? `doorstep ${source[2].split('/').slice(0, -1).join('/') || '.'}` : url;
}

let total = 0;
let busy = 0;
const byPackage = new Map();
const byFunction = new Map();
for (const [id, time] of self) {
  const { callFrame } = nodes.get(id);
  total += time;
  const name = callFrame.functionName || '(anonymous)';
  const place = IDLE.has(name) ? name : where(callFrame.url);
  if (name !== '(idle)') busy += time;
  byPackage.set(place, (byPackage.get(place) ?? 0) + time);
  const key = `${name} ${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + time);
}

const ms = (us) => (us / 1000).toFixed(0).padStart(7);
const pct = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
console.log(`profile: ${ms(total)} ms, busy ${ms(busy)} ms (shares below are of busy time)\n`);
console.log('by package (self time)');
for (const [place, time] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  if (place === '(idle)') continue;
  console.log(`${ms(time)} ms ${pct(time)}  ${place}`);
}
console.log('\nby function (self time)');
for (const [key, time] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 30))) {
  if (key.startsWith('(idle)')) continue;
  console.log(`${ms(time)} ms ${pct(time)}  ${key}`);
}
