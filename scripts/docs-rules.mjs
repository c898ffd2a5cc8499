// `npm run docs:rules`: writes the README's "What is checked" section from the service registry
// (phi-audit rules --format markdown), between the rules:begin / rules:end markers. A test fails
// while the README is stale, so adding a service never needs a hand edit of the README.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const out = spawnSync(process.execPath, ['dist/cli.mjs', 'rules', '--format', 'markdown'], {
  encoding: 'utf8',
});
if (out.status !== 0) {
  process.stderr.write(out.stderr);
  process.exit(out.status ?? 1);
}
const readme = readFileSync('README.md', 'utf8');
const begin = '<!-- rules:begin -->';
const end = '<!-- rules:end -->';
const from = readme.indexOf(begin);
const to = readme.indexOf(end);
if (from < 0 || to < from) {
  console.error(`README.md has no ${begin} … ${end} section.`);
  process.exit(1);
}
const next = `${readme.slice(0, from + begin.length)}\n\n${out.stdout.trim()}\n\n${readme.slice(to)}`;
if (next !== readme) writeFileSync('README.md', next);
console.log(
  next === readme ? 'README.md rules section is up to date.' : 'README.md rules section rewritten.',
);
