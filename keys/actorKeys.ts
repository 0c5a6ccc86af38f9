import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomUUID,
  scryptSync,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import { PRIVILEGED_ROLES, type Role } from '../shared/staff.js';
import { GRANT_KEY_INFO, grantMessage, proofMessage, type Credential, type SessionGrant } from '../shared/proof.js';

/**
 * The cryptography behind shared/proof.ts, for Node on both sides: the desk's core makes
 * credentials, grants, MACs and signatures; the server opens grants and checks them.
 */
/**
 * How dear a guess at a staff member's secret is, as the scrypt cost of their credential. Measured
 * here (npm run bench prints it): 2^15 ≈ 0.17 s a guess, 2^17 ≈ 0.67 s. A 6-digit privileged PIN
 * then costs about eight days of one core to search from a stolen copy; a 4-digit clerk PIN half an
 * hour, which is why clerks cannot approve, publish or manage staff.
 */
export type SecretCost = (role: Role) => number;
export const DEFAULT_SECRET_COST: SecretCost = (role) => (PRIVILEGED_ROLES.includes(role) ? 2 ** 17 : 2 ** 15);

const b64 = (bytes: Buffer) => bytes.toString('base64url');
const bytes = (text: string) => Buffer.from(text, 'base64url');
const R = 8;
const P = 1;
const MAX_MEMORY = 512 * 1024 * 1024;

function sealWith(key: Buffer, plain: Buffer): { iv: string; box: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const box = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return { iv: b64(iv), box: b64(box) };
}

function openWith(key: Buffer, iv: string, box: string): Buffer | null {
  const sealed = bytes(box);
  if (sealed.length < 17) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes(iv));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

const secretKey = (secret: string, salt: Buffer, n: number, r: number, p: number) =>
  scryptSync(secret.normalize('NFKC'), salt, 32, { N: n, r, p, maxmem: MAX_MEMORY });

/** A new key pair for a member of staff, its private half wrapped under their PIN or password. */
export function createCredential(secret: string, cost: number): { credential: Credential; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { credential: wrapKey(secret, cost, privateKey, publicKey), privateKey };
}

/** The same key under a new secret (a PIN change): the server's record of the public key stays valid. */
export function wrapKey(secret: string, cost: number, privateKey: KeyObject, publicKey: KeyObject = createPublicKey(privateKey)): Credential {
  const salt = randomBytes(16);
  const { iv, box } = sealWith(secretKey(secret, salt, cost, R, P), privateKey.export({ format: 'der', type: 'pkcs8' }));
  return { kdf: 'scrypt', n: cost, r: R, p: P, salt: b64(salt), publicKey: b64(publicKey.export({ format: 'der', type: 'spki' })), iv, box };
}

/** The private key, or null when the secret is wrong (the AES-GCM tag does not verify). */
export function unlockCredential(secret: string, credential: Credential): KeyObject | null {
  const plain = openWith(secretKey(secret, bytes(credential.salt), credential.n, credential.r, credential.p), credential.iv, credential.box);
  return plain ? createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' }) : null;
}

const publicKeyOf = (encoded: string) => createPublicKey({ key: bytes(encoded), format: 'der', type: 'spki' });

function grantKey(shared: Buffer, epk: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, bytes(epk), GRANT_KEY_INFO, 32));
}

/** The server's key pair for sealed session keys (X25519), as base64url DER. */
export function newServerKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: b64(publicKey.export({ format: 'der', type: 'spki' })), privateKey: b64(privateKey.export({ format: 'der', type: 'pkcs8' })) };
}

/** Opens a session for a member of staff: a fresh MAC key, sealed to the server, signed by them. */
export function sealGrant(staffId: string, device: string, privateKey: KeyObject, serverPublicKey: string, issuedAt: number): { grant: SessionGrant; key: Buffer } {
  const key = randomBytes(32);
  const ephemeral = generateKeyPairSync('x25519');
  const epk = b64(ephemeral.publicKey.export({ format: 'der', type: 'spki' }));
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyOf(serverPublicKey) });
  const { iv, box } = sealWith(grantKey(shared, epk), key);
  const body = { id: randomUUID(), staffId, device, issuedAt, epk, iv, box };
  return { grant: { ...body, sig: b64(sign(null, Buffer.from(grantMessage(body)), privateKey)) }, key };
}

/** The server's side: the grant's MAC key, or null when it was not sealed to this server. */
export function openGrant(grant: SessionGrant, serverPrivateKey: string): Buffer | null {
  try {
    const privateKey = createPrivateKey({ key: bytes(serverPrivateKey), format: 'der', type: 'pkcs8' });
    const shared = diffieHellman({ privateKey, publicKey: publicKeyOf(grant.epk) });
    const key = openWith(grantKey(shared, grant.epk), grant.iv, grant.box);
    return key && key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

/** Whether one of the staff member's registered keys signed the grant. */
export function grantSignedBy(grant: SessionGrant, publicKeys: readonly string[]): boolean {
  const { sig, ...body } = grant;
  return publicKeys.some((k) => signatureValid(k, grantMessage(body), sig));
}

type Provable = Parameters<typeof proofMessage>[0];

export function macOf(key: Buffer, event: Provable): string {
  return b64(createHmac('sha256', key).update(proofMessage(event)).digest());
}

export function macValid(key: Buffer, event: Provable, mac: string): boolean {
  const expected = createHmac('sha256', key).update(proofMessage(event)).digest();
  const given = bytes(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signEvent(privateKey: KeyObject, event: Provable): string {
  return b64(sign(null, Buffer.from(proofMessage(event)), privateKey));
}

export function eventSignedBy(event: Provable, sig: string, publicKeys: readonly string[]): boolean {
  return publicKeys.some((k) => signatureValid(k, proofMessage(event), sig));
}

function signatureValid(publicKey: string, message: string, sig: string): boolean {
  try {
    return verify(null, Buffer.from(message), publicKeyOf(publicKey), bytes(sig));
  } catch {
    return false;
  }
}
