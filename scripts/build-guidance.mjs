// Bundles the guidance CLI, so `npm run guidance` runs plain JavaScript. Run through tsx, reading a
// batch cost a quarter more (every closure the engine makes was named again on each reading) and
// starting took 1.8 s of compiling TypeScript.
import { build } from 'esbuild';

await build({
  entryPoints: ['scripts/guidance.ts'],
  outfile: 'dist/guidance/guidance.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
