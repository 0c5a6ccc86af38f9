import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * Central staff passwords: argon2id (OWASP's minimum: 19 MiB, 2 passes), in the encoded form that
 * carries its own parameters. Used by the server, and by desks to sign staff in while offline.
 */
export const ARGON2_PREFIX = '$argon2id$';

export function hashPassword(password: string, salt: Uint8Array): Promise<string> {
  return argon2id({ password: password.normalize('NFKC'), salt, parallelism: 1, iterations: 2, memorySize: 19_456, hashLength: 32, outputType: 'encoded' });
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!hash.startsWith(ARGON2_PREFIX)) return false;
  try {
    return await argon2Verify({ password: password.normalize('NFKC'), hash });
  } catch {
    return false;
  }
}
