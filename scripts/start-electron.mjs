// `npm start`: runs the desk in Electron, or says plainly why it cannot and what to run instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let binary;
try {
  binary = require('electron');
} catch {
  binary = null;
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  console.error(
    'The Electron binary is not installed on this machine, so the desktop window cannot open; run `npm run start:browser` to use CalmDesk in a browser instead.',
  );
  process.exit(1);
}
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
