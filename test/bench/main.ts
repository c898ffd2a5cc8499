// `npm run bench`: each benchmark runs in its own Node process (so peak RSS is its own) and
// prints its figures; the README's performance section quotes them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ASSESS_BENCH_DEFAULTS, benchAssessment } from './assess';
import { benchReport } from './report';
import { benchWorkspace } from './workspace';

const benches: Record<
  string,
  { title: string; run: () => Promise<Record<string, number | string>>; targets: string }
> = {
  assess: {
    title: 'Assessment: generated organisation through the real SDK clients and the simulated cloud',
    run: () => benchAssessment(),
    targets: 'wall ÷ floor ≤ 1.25, peak RSS ≤ 600 MB',
  },
  org: {
    title:
      'Organisation at full AWS coverage: 20 accounts × 17 regions × 6 per regional service (≥ 30k AWS resources), 30 ms a call',
    run: () => benchAssessment({ perRegion: 6, azureSubscriptions: 0 }),
    targets: 'wall ÷ floor ≤ 1.25, peak RSS ≤ 600 MB',
  },
  azure: {
    title: 'Azure at scale: 5 subscriptions × ~10k resources, 30 ms a call',
    run: () => benchAssessment({ awsAccounts: 0, azureSubscriptions: 5, perSubscription: 600 }),
    targets: 'wall ÷ floor ≤ 1.25, peak RSS ≤ 600 MB',
  },
  workspace: {
    title: 'Workspace: 100k evidence items written, then a large engagement opened',
    run: () => benchWorkspace(),
    targets: 'open (integrity check + lock) and first findings page fast enough for the UI',
  },
  report: {
    title: 'Audit package: 10k findings, 50k evidence items, signed PDF + DOCX + zip',
    run: () => benchReport(),
    targets: 'wall ≤ 15 s, peak RSS ≤ 1024 MB',
  },
};

// `npm run bench -- org-scale`: the organisation at growing sizes, each step in its own process.
for (const perRegion of [1, 3, 6, 10])
  benches[`org-${perRegion}`] = {
    title: `Organisation scaling step: ${ASSESS_BENCH_DEFAULTS.awsAccounts} accounts × ${ASSESS_BENCH_DEFAULTS.regions} regions × ${perRegion} per regional service`,
    run: () => benchAssessment({ perRegion, azureSubscriptions: 0 }),
    targets: 'time and memory growing no faster than the resources',
  };
const DEFAULT_BENCHES = ['assess', 'org', 'azure', 'workspace', 'report'];
const GROUPS: Record<string, string[]> = { 'org-scale': ['org-1', 'org-3', 'org-6', 'org-10'] };

const only = process.argv.indexOf('--only');
if (only >= 0) {
  const name = process.argv[only + 1] ?? '';
  const bench = benches[name];
  if (!bench) throw new Error(`unknown benchmark ${name}; one of ${Object.keys(benches).join(', ')}`);
  const figures = await bench.run();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = (asked.length > 0 ? asked : DEFAULT_BENCHES).flatMap((name) => GROUPS[name] ?? [name]);
  for (const name of names) {
    const bench = benches[name];
    if (!bench) throw new Error(`unknown benchmark ${name}`);
    console.log(`\n${bench.title}\n(targets: ${bench.targets})`);
    const r = spawnSync(process.execPath, [self, '--only', name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) {
      console.log(`  FAILED (exit ${r.status})`);
      process.exitCode = 1;
      continue;
    }
    const figures = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(width)}  ${String(v)}`);
  }
}
