// `npm test`: build the app, run unit and browser tests together, and end with one line
// "N passed, N failed" (the counts over both), exiting non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (run(npx, ['vite', 'build', '--logLevel', 'warn']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = '.vitest-report.json';
rmSync(report, { force: true });
const status = run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...process.argv.slice(2)]);
let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numTotalTestSuites && r.success === false && r.numFailedTests === 0 ? 1 : 0);
} catch {
  failed = Math.max(failed, 1);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || status !== 0 ? 1 : 0);
