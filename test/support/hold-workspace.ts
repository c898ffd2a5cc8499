// Child-process entry (bundled by test/support/lock-holders.ts): opens a workspace exactly as the
// app does, prints "locked" once it holds it, and keeps it open until its stdin is closed.
import { Workspace } from '../../src/workspace/workspace';

const path = process.argv[2];
if (!path) throw new Error('usage: hold-workspace <file>');
const ws = Workspace.open(path, 'other-process');
process.stdout.write('locked\n');
process.stdin.resume();
process.stdin.on('end', () => {
  ws.close();
  process.exit(0);
});
