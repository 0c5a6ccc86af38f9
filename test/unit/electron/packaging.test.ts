import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createRequire } from 'node:module';
import { FuseV1Options } from '@electron/fuses';

type Target = { target: string; arch?: string[] };
// Free-form YAML and JSON, read only to assert on a few keys.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Loose;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Loose;
const targetsOf = (platform: string) => (config[platform].target as Target[]).map((t) => t.target);

describe('electron-builder configuration', () => {
  it('builds the installers a release needs on each platform', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9]+)+$/);
    expect(config.productName).toBe('CalmDesk');
    expect(targetsOf('win')).toEqual(['nsis']);
    expect(targetsOf('mac')).toEqual(['dmg']);
    expect(targetsOf('linux').sort()).toEqual(['AppImage', 'deb']);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('ships the built app and unpacks the native SQLite module from the asar', () => {
    expect(config.files).toContain('dist/**/*');
    expect(config.extraMetadata.main).toBe('dist/electron/main.cjs');
    expect(pkg.main).toBe(config.extraMetadata.main);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
  });

  it('keeps Electron a dev dependency and the runtime dependencies to what the main process loads', () => {
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3']);
    expect(pkg.allowScripts).toMatchObject({ electron: false, 'better-sqlite3': true });
    expect(pkg.scripts.postinstall).toBeUndefined();
  });

  it('flips the Electron fuses in the packaged app: no Node mode, no NODE_OPTIONS, no inspector, only the asar', () => {
    expect(config.afterPack).toBe('scripts/electron-fuses.cjs');
    const { fusesFor } = createRequire(import.meta.url)('../../../scripts/electron-fuses.cjs') as { fusesFor(platform: string): Record<number, boolean> };
    for (const platform of ['win32', 'darwin', 'linux']) {
      const fuses = fusesFor(platform);
      expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    }
    expect(fusesFor('win32')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
  });
});
