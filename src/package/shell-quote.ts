/** Characters that mean nothing special to `sh` and need no quoting. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one word for `sh` so that no file name can run a command: plain
 * words stay as they are (so ordinary doinst.sh lines look like makepkg's),
 * anything else goes in single quotes, where only `'` itself needs care.
 */
export function quoteShellWord(word: string): string {
  if (PLAIN_WORD.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
