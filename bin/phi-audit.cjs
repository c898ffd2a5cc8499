#!/usr/bin/env node
// The phi-audit command. better-sqlite3 13 needs Node >= 22; where the system Node is older, re-run
// this command under the Node 22 that the project installs as a devDependency (package "node").
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const cli = path.join(__dirname, '..', 'dist', 'cli.mjs');
const major = Number(process.versions.node.split('.')[0]);
if (major >= 22) {
  import(pathToFileURL(cli).href).catch((err) => {
    console.error(err && err.message ? err.message : err);
    process.exit(1);
  });
} else {
  let node22;
  try {
    node22 = require.resolve('node/bin/node', { paths: [path.join(__dirname, '..')] });
  } catch {
    console.error(
      `phi-audit needs Node.js 22 or newer (this is ${process.version}). Run 'npm install' in the project first.`,
    );
    process.exit(1);
  }
  const r = spawnSync(node22, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
