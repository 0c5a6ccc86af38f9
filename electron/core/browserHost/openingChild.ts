import { closeDatabase, openDatabase } from '../../../db/open.js';

/** See `openInChild`: open with progress, close cleanly, leave any failure to the desk's own open. */
const file = process.argv[2]!;
try {
  const { db, checkedAt } = openDatabase(file, { onProgress: (progress) => process.send?.(progress) });
  closeDatabase(db, checkedAt);
} catch {
  // The desk's open meets the same problem and says what it is.
}
process.disconnect?.();
