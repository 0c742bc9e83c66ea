/**
 * Splits a metadata description into a one-line summary and wrapped lines,
 * for slack-desc files and Debian Description fields.
 */

/** The first sentence, without its final period. */
export function summarize(description: string): string {
  const text = normalizeSpaces(description);
  const end = text.search(/[.!?](\s|$)/);
  const sentence = end === -1 ? text : text.slice(0, end + 1);
  return sentence.replace(/\.$/, '');
}

/** Greedy word wrap; words longer than `width` are cut, never lost. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of splitLongWords(normalizeSpaces(text).split(' '), width)) {
    if (word === '') continue;
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function normalizeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function splitLongWords(words: string[], width: number): string[] {
  return words.flatMap((word) => {
    const pieces: string[] = [];
    for (let start = 0; start < word.length; start += width) {
      pieces.push(word.slice(start, start + width));
    }
    return pieces;
  });
}
