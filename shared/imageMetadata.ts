import type { AttachmentMediaType } from './workOrder.js';

/**
 * What an image file really is, by its first bytes: the type a sender claims is not trusted.
 */
export function sniffImageType(bytes: Uint8Array): AttachmentMediaType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

/** JPEG segments kept: JFIF (APP0), the colour profile (APP2) and Adobe's colour transform (APP14). */
const KEPT_JPEG_APP = new Set([0xe0, 0xe2, 0xee]);

/**
 * A JPEG without its Exif, XMP, IPTC and comment segments: a photo taken in a customer's home must
 * not carry where that home is (GPS), the camera's owner or the time it was taken. The image data
 * itself is copied byte for byte. Returns null when the file is not a well-formed JPEG.
 */
function stripJpeg(bytes: Uint8Array): Uint8Array | null {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Start of scan: the compressed image follows to the end; nothing after it is metadata we read.
    if (marker === 0xda) {
      out.push(bytes.subarray(at));
      return concat(out);
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return null;
    const isApp = marker >= 0xe1 && marker <= 0xef;
    if (!(isApp && !KEPT_JPEG_APP.has(marker)) && marker !== 0xfe) out.push(bytes.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  return null;
}

/** PNG chunks that carry text, time or Exif (which may hold a location): dropped; pixels and colour kept. */
const DROPPED_PNG_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

function stripPng(bytes: Uint8Array): Uint8Array | null {
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!DROPPED_PNG_CHUNKS.has(type)) out.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return concat(out);
  }
  return null;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The image with its metadata removed, or null when it is not a well-formed image of that type. */
export function stripImageMetadata(bytes: Uint8Array, type: AttachmentMediaType): Uint8Array | null {
  return type === 'image/jpeg' ? stripJpeg(bytes) : stripPng(bytes);
}
