import { join } from 'node:path';
import { restoreNewestBackup as restoreFile } from '../../db/backup.js';
import { DATABASE_FILE } from './openDesk.js';

/** Puts the newest sound backup in place of the desk's damaged database; null when there is none. */
export function restoreNewestBackup(dataDir: string, at: Date): string | null {
  return restoreFile(join(dataDir, DATABASE_FILE), at);
}
