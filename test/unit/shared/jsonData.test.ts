import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * Keys written twice in one object. JSON.parse keeps the last silently, so a word added again with
 * another weight, or a translation pasted twice, would change behaviour without a sign.
 */
function repeatedKeys(text: string): string[] {
  const repeated: string[] = [];
  // One set per open object; null for an array, whose strings are values.
  const open: Array<Set<string> | null> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') open.push(new Set());
    else if (c === '[') open.push(null);
    else if (c === '}' || c === ']') open.pop();
    else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      let next = end + 1;
      while (/\s/.test(text[next] ?? '')) next++;
      const keys = open.at(-1);
      if (keys && text[next] === ':') {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) repeated.push(key);
        keys.add(key);
      }
      i = end;
    }
  }
  return repeated;
}

describe('committed JSON data', () => {
  it('finds a key written twice, even behind escapes and nested objects', () => {
    expect(repeatedKeys('{"a": {"b": 1, "b": 2}, "c\\"": [{"a": 1}], "c\\"": "{\\"a\\": 1}"}')).toEqual(['b', 'c"']);
    expect(repeatedKeys('{"a": ["a", "a"], "b": {"a": 1}}')).toEqual([]);
  });

  const files = execFileSync('git', ['ls-files', '*.json'], { encoding: 'utf8' }).split('\n').filter((f) => f && !f.endsWith('package-lock.json'));

  it.each(files)('%s writes no key twice in one object', (file) => {
    expect(repeatedKeys(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
