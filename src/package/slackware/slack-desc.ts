import { PackageError } from '../package-error.js';
import { normalizeSpaces, summarize, wrapText } from '../describe-text.js';

/** installpkg shows exactly 11 lines, each at most 71 columns after `name:`. */
export const SLACK_DESC_LINES = 11;
export const SLACK_DESC_WIDTH = 71;

/**
 * `install/slack-desc` for a package: `name: name (summary)`, a blank
 * `name:` line, the description wrapped, then blank `name:` lines up to 11.
 * `override` is either a complete slack-desc (every line starts with
 * `name:`), used as given after checking it, or a description to format.
 */
export function createSlackDesc(name: string, description: string | undefined,
  override?: string): string {
  if (override !== undefined && isCompleteSlackDesc(name, override)) {
    return checkSlackDesc(name, override);
  }
  const text = normalizeSpaces(override ?? description ?? '');
  return formatSlackDesc(name, text);
}

function formatSlackDesc(name: string, text: string): string {
  const summary = text === '' ? 'built by kappy' : summarize(text);
  const bodyWidth = SLACK_DESC_WIDTH - 1;
  const heading = fitLine(`${name} (${summary})`, bodyWidth);

  // Repeating a one-sentence description under its summary says nothing new.
  const body = text === summary || text === `${summary}.` ? [] : wrapText(text, bodyWidth);
  const room = SLACK_DESC_LINES - 2;
  const shown = body.length > room ? [...body.slice(0, room - 1), fitLine(
    body.slice(room - 1).join(' '), bodyWidth)] : body;

  const lines = [heading, '', ...shown];
  while (lines.length < SLACK_DESC_LINES) lines.push('');
  return lines.map((line) => (line === '' ? `${name}:` : `${name}: ${line}`)).join('\n') + '\n';
}

/** Cuts a line at a word boundary and marks the cut with `...`. */
function fitLine(line: string, width: number): string {
  if (line.length <= width) return line;
  const cut = line.slice(0, width - 3);
  const space = cut.lastIndexOf(' ');
  return `${space > width / 2 ? cut.slice(0, space) : cut}...`;
}

function isCompleteSlackDesc(name: string, text: string): boolean {
  const lines = descriptionLines(text);
  return lines.length > 0 && lines.every((line) => line.startsWith(`${name}:`));
}

function checkSlackDesc(name: string, text: string): string {
  const lines = descriptionLines(text);
  if (lines.length !== SLACK_DESC_LINES) {
    throw new PackageError(`slack-desc for ${name} has ${lines.length} lines starting with ` +
      `"${name}:"; installpkg expects exactly ${SLACK_DESC_LINES}`);
  }
  const tooWide = lines.find((line) => line.length - name.length - 1 > SLACK_DESC_WIDTH);
  if (tooWide) {
    throw new PackageError(`slack-desc line ${JSON.stringify(tooWide)} is longer than ` +
      `${SLACK_DESC_WIDTH} columns after "${name}:"`);
  }
  return lines.join('\n') + '\n';
}

/** The `name:` lines; comments and the handy ruler are dropped. */
function descriptionLines(text: string): string[] {
  return text.split('\n').map((line) => line.trimEnd())
    .filter((line) => line !== '' && !line.startsWith('#') && !/^\s*\|-+/.test(line));
}
