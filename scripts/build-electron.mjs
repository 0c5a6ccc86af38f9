// Bundles the Electron glue into dist/electron. The sandboxed preload must be one CommonJS file.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['electron/core/worker.ts'], outfile: 'dist/electron/coreWorker.cjs', external: ['better-sqlite3'] }),
]);
console.log('Electron bundles written to dist/electron');
