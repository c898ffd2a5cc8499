// electron-builder.yml, read and validated by electron-builder 26's own loader and JSON schema
// (app-builder-lib ships with electron-builder, a pinned devDependency), so a misspelt or
// misplaced key fails here instead of at packaging time on a release machine.
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { beforeAll, describe, expect, it } from 'vitest';

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(process.cwd(), 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar with native modules unpacked, and publishes nothing', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/*.node']),
    );
    expect(config.publish).toBeNull();
  });

  it('ships the bundles only', () => {
    // getConfig normalises the list into one file set, as electron-builder does before packing.
    expect(config.files).toEqual([
      { filter: ['dist/main/**', 'dist/renderer/**', '!**/*.map', 'package.json'] },
    ]);
    expect(config.directories?.output).toBe('release');
  });

  it('names the app and its targets', () => {
    expect(config.appId).toBe('com.phiauditdesk.app');
    expect(config.productName).toBe('PHI Audit Desk');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.category).toBe('public.app-category.business');
  });

  it('rejects a misspelt fuse (the schema check is real)', async () => {
    const bad = { ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } } as Configuration;
    await expect(validateConfiguration(bad, new DebugLogger(false))).rejects.toThrow(
      /configuration\.electronFuses/,
    );
  });

  it('rejects an unknown top-level key', async () => {
    const bad = { ...config, asarr: true } as Configuration;
    await expect(validateConfiguration(bad, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration object/,
    );
  });
});
