import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooseFolderOptions,
  firstPath,
  openCertificateOptions,
  openWorkspaceOptions,
  saveWorkspaceOptions,
  withWorkspaceExtension,
  workspaceFileName,
} from '../../../main/dialog-options';

const dir = join('/', 'home', 'auditor', 'PHI Audit Desk');

describe('workspace dialogs', () => {
  it('open: one *.phiaudit file from the workspace folder', () => {
    const options = openWorkspaceOptions(dir);
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([{ name: 'PHI Audit workspace', extensions: ['phiaudit'] }]);
    expect(options.defaultPath).toBe(dir);
  });

  it('save: suggests a file named after the engagement inside the workspace folder', () => {
    expect(saveWorkspaceOptions(dir, 'Acme Health 2026').defaultPath).toBe(
      join(dir, 'Acme Health 2026.phiaudit'),
    );
    expect(saveWorkspaceOptions(dir, 'x').filters).toEqual([
      { name: 'PHI Audit workspace', extensions: ['phiaudit'] },
    ]);
  });

  it.each([
    ['../../etc/passwd', 'etc passwd.phiaudit'],
    ['..\\..\\Windows\\evil', 'Windows evil.phiaudit'],
    ['C:\\temp\\a', 'C temp a.phiaudit'],
    ['.hidden', 'hidden.phiaudit'],
    ['a<b>c:d"e|f?g*h', 'a b c d e f g h.phiaudit'],
    ['acme.phiaudit', 'acme.phiaudit'],
    ['', 'engagement.phiaudit'],
    ['   ', 'engagement.phiaudit'],
    ['/', 'engagement.phiaudit'],
  ])('turns %j into the file name %j', (name, expected) => {
    expect(workspaceFileName(name)).toBe(expected);
  });

  it('keeps suggested names short', () => {
    expect(workspaceFileName('x'.repeat(500)).length).toBeLessThanOrEqual(120 + '.phiaudit'.length);
  });

  it('adds the extension GTK dialogs leave off, once', () => {
    expect(withWorkspaceExtension('/tmp/acme')).toBe('/tmp/acme.phiaudit');
    expect(withWorkspaceExtension('/tmp/acme.phiaudit')).toBe('/tmp/acme.phiaudit');
    expect(withWorkspaceExtension('/tmp/ACME.PHIAUDIT')).toBe('/tmp/ACME.PHIAUDIT');
    expect(withWorkspaceExtension('/tmp/a.phiaudit.d/acme')).toBe('/tmp/a.phiaudit.d/acme.phiaudit');
  });
});

describe('other dialogs', () => {
  it('folder: directories only, with the caller’s title', () => {
    expect(chooseFolderOptions('Export to')).toEqual({
      title: 'Export to',
      properties: ['openDirectory', 'createDirectory'],
    });
  });

  it('certificate: PKCS#12 files only', () => {
    expect(openCertificateOptions().filters).toEqual([
      { name: 'PKCS#12 certificate', extensions: ['p12', 'pfx'] },
    ]);
  });

  it('firstPath: the chosen path, or null when cancelled', () => {
    expect(firstPath({ canceled: false, filePaths: ['/a', '/b'] })).toBe('/a');
    expect(firstPath({ canceled: true, filePaths: ['/a'] })).toBeNull();
    expect(firstPath({ canceled: false, filePaths: [] })).toBeNull();
  });
});
