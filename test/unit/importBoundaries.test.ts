import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * The import directions of architecture.md are an ESLint rule (eslint.config.js, run by npm test).
 * These cases prove the rule bites: each wrong import is reported, each right one is not.
 */
const eslint = new ESLint();
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('import boundaries', () => {
  it('refuse the imports architecture.md forbids', async () => {
    expect(await problems('renderer/app/x.ts', "import { openDatabase } from '../../db/open.js';\nexport const x = openDatabase;\n")).toHaveLength(1);
    expect(await problems('shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
    expect(await problems('electron/core/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await problems('server/x.ts', "import { createDeskCore } from '../electron/core/deskCore.js';\nexport const x = createDeskCore;\n")).toHaveLength(1);
    expect(await problems('db/x.ts', "import { createDeskCore } from '../electron/core/deskCore.js';\nexport const x = createDeskCore;\n")).toHaveLength(1);
  }, 60_000);

  it('let the allowed directions through', async () => {
    expect(await problems('electron/core/x.ts', "import { openDatabase } from '../../db/open.js';\nimport { newId } from '../../shared/ids.js';\nexport const x = [openDatabase, newId];\n")).toEqual([]);
    expect(await problems('electron/main/x.ts', "import { app } from 'electron';\nimport { openDesk } from '../core/openDesk.js';\nexport const x = [app, openDesk];\n")).toEqual([]);
    expect(await problems('renderer/app/x.ts', "import { newId } from '../../shared/ids.js';\nexport const x = newId;\n")).toEqual([]);
  }, 60_000);
});
