import { expect, it } from 'vitest';
import { runTool } from './harness.js';

/**
 * `pnpm bench` still runs end to end: the gateway, the floor and PostGraphile all answer every
 * scenario without errors (the bench refuses, and exits 1, when one errs or the floor's answer
 * differs from the gateway's). A change to the schema or the keys that breaks the peer's or the
 * floor's queries fails here, not on the day someone measures. Tiny and short: no figures are
 * checked, only that every target was measured.
 */
it('measures every scenario on the gateway, the floor and PostGraphile, and exits 0', async () => {
  const { code, stdout, stderr } = await runTool(
    'bench',
    ['--households', '300', '--seconds', '1', '--rounds', '1', '--warmup', '0', '--connections', '5'],
    { ...process.env } as Record<string, string>,
  );
  expect(stderr, stdout.slice(-2000)).not.toMatch(/^bench:/m);
  expect(code).toBe(0);
  for (const title of [
    'The household view',
    'concerns(first: 50)',
    "A household's chronology",
    'raiseConcern',
  ]) {
    expect(stdout).toContain(title);
  }
  // Three targets measured side by side, each with a ratio, for the read scenarios.
  expect(stdout.match(/^gateway ÷ PostGraphile /gm)?.length).toBe(3);
  expect(stdout.match(/^gateway ÷ floor /gm)?.length).toBe(3);
}, 240_000);
