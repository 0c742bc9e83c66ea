/**
 * Splits an option string on whitespace the way kdesrc-build reads
 * `cmake-options = "-DA=1 -DB='x y'"`: quotes group words and are removed,
 * a backslash escapes the next character.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;

  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\\' && quote !== "'" && i + 1 < text.length) {
      word = (word ?? '') + (text[++i] ?? '');
    } else if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else word = (word ?? '') + char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + char;
    }
  }

  if (word !== undefined) words.push(word);
  return words;
}
