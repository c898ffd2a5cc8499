import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callOperation } from '../../api/dispatch';
import { startBridge } from '../../api/http-bridge';
import { DeskSession } from '../../api/session';

/** dist/cli.mjs sits beside dist/renderer/. */
function rendererDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'renderer');
}

export function registerUi(program: Command): void {
  program
    .command('ui')
    .description('Serve the desktop UI to a local browser (browser mode): 127.0.0.1 only, per-launch token.')
    .argument('[file]', 'workspace to open at start')
    .option('--port <n>', 'port (default: a free one)', (v) => Number.parseInt(v, 10), 0)
    .option(
      '--dir <folder>',
      'folder for new workspaces (default: ~/PHI Audit Desk, or $PHI_AUDIT_WORKSPACE_DIR)',
    )
    .option('--json', 'print {url, launchUrl} as one JSON line (for scripts and tests)')
    .action(async (file: string | undefined, opts: { port: number; dir?: string; json?: boolean }) => {
      const staticDir = rendererDir();
      if (!existsSync(join(staticDir, 'index.html'))) {
        throw new Error(`The renderer is not built (${staticDir} is missing). Run: npm run build`);
      }
      const session = new DeskSession({
        frontDoor: 'browser',
        ...(opts.dir ? { workspaceDir: resolve(opts.dir) } : {}),
      });
      if (file) await callOperation(session, 'workspace.open', { path: resolve(file) });
      const bridge = await startBridge({ session, staticDir, port: opts.port });
      if (opts.json)
        console.log(
          JSON.stringify({
            url: bridge.url,
            launchUrl: bridge.launchUrl,
            workspaceDir: session.workspaceDir,
          }),
        );
      else {
        console.log('PHI Audit Desk is serving on this machine only. Open this URL in your browser:\n');
        console.log(`  ${bridge.launchUrl}\n`);
        console.log('The token in the URL is valid until you stop this command (Ctrl-C).');
      }
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void bridge
            .close()
            .then(() => session.dispose())
            .then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
