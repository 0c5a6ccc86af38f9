/**
 * Text a desk stores and a server relays must survive every store on the way: PostgreSQL refuses
 * NUL in text and JSON, and a lone UTF-16 surrogate is not text at all. Deep nesting is never a
 * complaint, only an attack on whoever parses it. Checked at the desk's contract boundary and again
 * by the server for every event, with the same rule.
 */
export const MAX_JSON_DEPTH = 12;

// NUL is exactly the character this rule exists to find.
// eslint-disable-next-line no-control-regex
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type UnsafeText = { path: string; problem: 'unsafe_text' | 'too_deep' };

/** The first string with a NUL or a lone surrogate, or the first place nested too deep; null when clean. */
export function findUnsafeText(value: unknown, maxDepth = MAX_JSON_DEPTH): UnsafeText | null {
  const walk = (node: unknown, path: string[], depth: number): UnsafeText | null => {
    if (typeof node === 'string') return UNSAFE.test(node) ? { path: path.join('.'), problem: 'unsafe_text' } : null;
    if (node === null || typeof node !== 'object') return null;
    if (depth >= maxDepth) return { path: path.join('.'), problem: 'too_deep' };
    for (const [key, child] of Object.entries(node)) {
      if (UNSAFE.test(key)) return { path: [...path, key].join('.'), problem: 'unsafe_text' };
      const found = walk(child, [...path, key], depth + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(value, [], 0);
}
