import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * PINs are kept only as a slow scrypt hash (`scrypt$N$r$p$salt$hash`), so a copied database
 * does not give away anyone's PIN cheaply. The stored string carries its own cost, so hashes made
 * with another cost still verify.
 */
export interface PinHasher {
  hash(pin: string): string;
  verify(pin: string, stored: string): boolean;
}

const R = 8;
const P = 1;
const KEY_BYTES = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export function scryptPinHasher(cost = 2 ** 15): PinHasher {
  return {
    hash(pin) {
      const salt = randomBytes(16);
      const hash = scryptSync(pin.normalize('NFKC'), salt, KEY_BYTES, { N: cost, r: R, p: P, maxmem: MAX_MEMORY });
      return ['scrypt', cost, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
    },
    verify(pin, stored) {
      const [scheme, n, r, p, salt, hash] = stored.split('$');
      if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
      const expected = Buffer.from(hash, 'base64');
      const actual = scryptSync(pin.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        maxmem: MAX_MEMORY,
      });
      return timingSafeEqual(actual, expected);
    },
  };
}

export const DEFAULT_PIN_HASHER = scryptPinHasher();
