import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The import direction of architecture.md, checked mechanically so a wrong import fails CI:
 * renderer → shared; electron/core → db, shared; electron/main → core, shared; preload → shared;
 * server → shared; db → shared; shared → nothing of ours. Only electron/main and preload may
 * import 'electron'.
 */
const ROOT = process.cwd();
const LAYERS = ['shared', 'db', 'electron/core', 'electron/main', 'electron/preload', 'renderer', 'server'] as const;
type Layer = (typeof LAYERS)[number];
const ALLOWED: Record<Layer, Layer[]> = {
  shared: [],
  db: ['shared'],
  'electron/core': ['db', 'shared'],
  'electron/main': ['electron/core', 'shared'],
  'electron/preload': ['shared'],
  renderer: ['shared'],
  server: ['shared'],
};
const MAY_IMPORT_ELECTRON: Layer[] = ['electron/main', 'electron/preload'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const layerOf = (path: string): Layer | undefined => {
  const rel = relative(ROOT, path).split(sep).join('/');
  return [...LAYERS].sort((a, b) => b.length - a.length).find((layer) => rel === layer || rel.startsWith(`${layer}/`));
};

function imports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)];
  return found.map((m) => m[1] ?? m[2] ?? m[3]!);
}

const violations: string[] = [];
for (const layer of LAYERS) {
  for (const file of files(join(ROOT, layer))) {
    for (const specifier of imports(file)) {
      const where = `${relative(ROOT, file)} imports '${specifier}'`;
      if (specifier === 'electron' || specifier.startsWith('electron/')) {
        if (!MAY_IMPORT_ELECTRON.includes(layer)) violations.push(where);
        continue;
      }
      if (layer === 'shared' && specifier.startsWith('node:')) violations.push(`${where} (shared runs in the browser too)`);
      if (!specifier.startsWith('.')) continue;
      const target = layerOf(resolve(dirname(file), specifier));
      if (target && target !== layer && !ALLOWED[layer].includes(target)) violations.push(`${where} (${layer} → ${target})`);
    }
  }
}

describe('import boundaries', () => {
  it('follow the direction of architecture.md', () => {
    expect(violations).toEqual([]);
  });

  it('are actually checked (the scanner sees the imports it should)', () => {
    expect(imports(join(ROOT, 'electron/main/main.ts'))).toContain('electron');
    expect(layerOf(join(ROOT, 'electron/core/deskCore.ts'))).toBe('electron/core');
    expect(imports(join(ROOT, 'electron/core/eventWriter.ts'))).toContain('../../db/eventStore.js');
  });
});
