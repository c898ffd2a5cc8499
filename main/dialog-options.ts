/**
 * Options of the native file dialogs, as plain functions (the `electron` import is type-only, so
 * tests run in Node). dialogs.ts shows them; the same four serve IPC and the app menu.
 */
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename, extname, join } from 'node:path';
import { WORKSPACE_EXTENSION } from '../src/workspace/workspace';

const EXT = WORKSPACE_EXTENSION.slice(1);
const WORKSPACE_FILTER = { name: 'PHI Audit workspace', extensions: [EXT] };

export function openWorkspaceOptions(workspaceDir: string): OpenDialogOptions {
  return {
    title: 'Open engagement',
    defaultPath: workspaceDir,
    properties: ['openFile'],
    filters: [WORKSPACE_FILTER],
  };
}

/**
 * A file name from text the renderer chose (usually the client's name): no path separators,
 * reserved characters or leading dots, so the suggestion always stays inside `workspaceDir`.
 */
export function workspaceFileName(defaultName: string): string {
  const cleaned = defaultName
    .split(/[<>:"/\\|?*]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^\.+$/.test(part))
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  const stem = cleaned.toLowerCase().endsWith(WORKSPACE_EXTENSION)
    ? cleaned.slice(0, -WORKSPACE_EXTENSION.length)
    : cleaned;
  return `${stem || 'engagement'}${WORKSPACE_EXTENSION}`;
}

export function saveWorkspaceOptions(workspaceDir: string, defaultName: string): SaveDialogOptions {
  return {
    title: 'New engagement',
    buttonLabel: 'Create',
    defaultPath: join(workspaceDir, workspaceFileName(defaultName)),
    filters: [WORKSPACE_FILTER],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** GTK save dialogs do not add the filter's extension; the file must still be a *.phiaudit. */
export function withWorkspaceExtension(path: string): string {
  return extname(basename(path)).toLowerCase() === WORKSPACE_EXTENSION
    ? path
    : `${path}${WORKSPACE_EXTENSION}`;
}

export function chooseFolderOptions(title: string): OpenDialogOptions {
  return { title, properties: ['openDirectory', 'createDirectory'] };
}

export function openCertificateOptions(): OpenDialogOptions {
  return {
    title: 'Choose the signing certificate',
    properties: ['openFile'],
    filters: [{ name: 'PKCS#12 certificate', extensions: ['p12', 'pfx'] }],
  };
}

/** The one path a dialog returned, or null when the user cancelled. */
export function firstPath(result: { canceled: boolean; filePaths: string[] }): string | null {
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
