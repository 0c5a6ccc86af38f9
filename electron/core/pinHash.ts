import { scryptSync, timingSafeEqual } from 'node:crypto';

const MAX_MEMORY = 512 * 1024 * 1024;

/** PIN hashes written before credentials (`scrypt$N$r$p$salt$hash`): still accepted at sign-in. */
export function verifyLegacyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAX_MEMORY });
  return timingSafeEqual(actual, expected);
}
