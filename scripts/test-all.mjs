// `npm test`: every suite in order — typecheck, lint, unit + integration (vitest), then the build
// and the end-to-end suite (Playwright in Debian's Chromium). Runs them all even when one fails,
// prints each runner's own summary, and ends with one plain line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const vitestJson = '.tmp/vitest-results.json';
const playwrightJson = '.tmp/playwright-results.json';
for (const f of [vitestJson, playwrightJson]) rmSync(f, { force: true });

const steps = [
  { name: 'typecheck', cmd: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', cmd: ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings', '0'] },
  { name: 'format', cmd: ['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn'] },
  {
    name: 'unit+integration',
    cmd: [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestJson}`,
    ],
  },
  { name: 'build', cmd: ['scripts/build.mjs'] },
  {
    name: 'e2e',
    cmd: [
      'node_modules/@playwright/test/cli.js',
      'test',
      '-c',
      'test/e2e/playwright.config.ts',
      '--reporter=list,json',
    ],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  },
];

const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, step.cmd, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const ok = r.status === 0;
  console.log(
    `=== ${step.name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`,
  );
  if (!ok) failedSteps.push(step.name);
  if (!ok && step.name === 'build') break; // e2e needs the build
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
  skipped += p.stats?.skipped ?? 0;
}
// A step that failed without failing a test (typecheck, lint, build, a crashed runner) counts too.
failed += failedSteps.filter((s) => !['unit+integration', 'e2e'].includes(s)).length;
if (failedSteps.includes('unit+integration') && !existsSync(vitestJson)) failed += 1;
if (failedSteps.includes('e2e') && !existsSync(playwrightJson)) failed += 1;

console.log(`\nsteps failed: ${failedSteps.length ? failedSteps.join(', ') : 'none'}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
