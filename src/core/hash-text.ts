/**
 * FNV-1a over the UTF-16 code units, 32 bits, as 8 hex digits: a short,
 * stable name for a cache entry. Not node:crypto, whose loading alone costs
 * a short command ~3 ms; callers never trust the hash alone (a collision
 * must only cost a cache miss).
 */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
