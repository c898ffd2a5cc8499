// Builds every runnable piece: the CLI and benchmark (Node ESM), the Electron main and preload
// (CommonJS; the preload is sandboxed so everything but 'electron' is bundled in), and the renderer
// (Vite). Native and SDK packages stay external so Node resolves them from node_modules.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const started = Date.now();
const only = process.argv[2];
// Only what this build rewrites is removed: a --no-renderer build keeps dist/renderer.
for (const out of [
  'dist/cli.mjs',
  'dist/bench.mjs',
  'dist/chunks',
  'dist/main',
  ...(only === '--no-renderer' ? [] : ['dist/renderer']),
]) {
  rmSync(out, { recursive: true, force: true, maxRetries: 2 });
}

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: 'linked', logLevel: 'warning' };
const esmBanner = {
  js: "import { createRequire as __phiCreateRequire } from 'node:module'; const require = __phiCreateRequire(import.meta.url);",
};

await Promise.all([
  // Code splitting: the SDKs, pdfkit and docx sit behind dynamic imports and load only when used.
  build({
    ...common,
    entryPoints: {
      cli: 'src/cli/main.ts',
      ...(existsSync('test/bench/main.ts') ? { bench: 'test/bench/main.ts' } : {}),
    },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    packages: 'external',
    banner: esmBanner,
  }),
  existsSync('main/main.ts') &&
    build({
      ...common,
      entryPoints: ['main/main.ts'],
      outfile: 'dist/main/main.cjs',
      format: 'cjs',
      packages: 'external',
      external: ['electron'],
    }),
  existsSync('main/preload.ts') &&
    build({
      ...common,
      platform: 'browser',
      entryPoints: ['main/preload.ts'],
      outfile: 'dist/main/preload.cjs',
      format: 'cjs',
      external: ['electron'],
    }),
]);

if (only !== '--no-renderer') {
  const vite = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}
console.log(`build: done in ${Date.now() - started} ms`);
