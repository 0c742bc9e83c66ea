/**
 * The `toml` parser returns plain values without positions, so validation
 * messages would have no line to point at. This scanner reads a document
 * that already parsed and records, for every table header and every key,
 * its full path (`["project", "frameworks/*", "cmake-options"]`) and line.
 *
 * It understands only what it must to stay in step with the document:
 * headers, dotted and quoted keys, strings of all four kinds, arrays and
 * inline tables (whose keys are recorded too), and comments.
 */

export interface KeyLines {
  /** Line (1-based) of the key or table at `path`, else of its nearest ancestor. */
  lineOf(path: readonly string[]): number | undefined;
}

interface Entry {
  path: string[];
  line: number;
}

export function findKeyLines(text: string): KeyLines {
  const entries = new Scanner(text).scanDocument();
  return { lineOf: (path) => lookUpLine(entries, path) };
}

function lookUpLine(entries: Entry[], path: readonly string[]): number | undefined {
  const exact = entries.find((entry) => samePath(entry.path, path));
  if (exact) return exact.line;

  // A table only defined through its children (`[package.slackware]` defines
  // `package`): point at the first child.
  const child = entries.find((entry) => startsWith(entry.path, path));
  if (child) return child.line;

  for (let length = path.length - 1; length > 0; length--) {
    const ancestor = entries.find((entry) => samePath(entry.path, path.slice(0, length)));
    if (ancestor) return ancestor.line;
  }
  return undefined;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && startsWith(a, b);
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((part, index) => path[index] === part);
}

const BARE_KEY = /[A-Za-z0-9_-]/;

class Scanner {
  private pos = 0;
  private line = 1;
  private readonly entries: Entry[] = [];

  constructor(private readonly text: string) {}

  scanDocument(): Entry[] {
    let table: string[] = [];
    for (;;) {
      this.skipBlank(true);
      if (this.pos >= this.text.length) return this.entries;

      if (this.peek() === '[') {
        table = this.scanHeader();
      } else {
        this.scanKeyValue(table);
      }
    }
  }

  private scanHeader(): string[] {
    const line = this.line;
    const arrayOfTables = this.text.startsWith('[[', this.pos);
    this.pos += arrayOfTables ? 2 : 1;
    const path = this.scanKey();
    this.pos += arrayOfTables ? 2 : 1;
    this.entries.push({ path, line });
    return path;
  }

  private scanKeyValue(table: string[]): void {
    const line = this.line;
    const path = [...table, ...this.scanKey()];
    this.entries.push({ path, line });
    this.skipBlank(false);
    this.pos++; // '='
    this.skipBlank(false);
    this.scanValue(path);
  }

  /** A dotted key; stops at `=`, `]` or the end of the line. */
  private scanKey(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipBlank(false);
      parts.push(this.scanKeyPart());
      this.skipBlank(false);
      if (this.peek() !== '.') return parts;
      this.pos++;
    }
  }

  private scanKeyPart(): string {
    const quote = this.peek();
    if (quote === '"' || quote === "'") return decodeKey(this.scanString());

    const start = this.pos;
    while (this.pos < this.text.length && BARE_KEY.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private scanValue(path: string[]): void {
    const char = this.peek();
    if (char === '"' || char === "'") {
      this.scanString();
    } else if (char === '[') {
      this.scanArray(path);
    } else if (char === '{') {
      this.scanInlineTable(path);
    } else {
      // Numbers, booleans, dates (which may hold one space).
      while (this.pos < this.text.length && !/[,\]}\n#]/.test(this.peek())) this.pos++;
    }
  }

  private scanArray(path: string[]): void {
    this.pos++;
    for (;;) {
      this.skipBlank(true);
      const char = this.peek();
      if (char === ']' || char === '') break;
      const start = this.pos;
      if (char === ',') this.pos++;
      else this.scanValue(path);
      // Only parsed documents come here, but never loop on a surprise.
      if (this.pos === start) this.advance(1);
    }
    this.pos++;
  }

  private scanInlineTable(path: string[]): void {
    this.pos++;
    for (;;) {
      this.skipBlank(true);
      const char = this.peek();
      if (char === '}' || char === '') break;
      if (char === ',') this.pos++;
      else this.scanKeyValue(path);
    }
    this.pos++;
  }

  /** Returns the raw string including its quotes. */
  private scanString(): string {
    const start = this.pos;
    const quote = this.peek();
    const multiline = this.text.startsWith(quote.repeat(3), this.pos);
    const delimiter = multiline ? quote.repeat(3) : quote;
    this.pos += delimiter.length;

    while (this.pos < this.text.length) {
      if (quote === '"' && this.peek() === '\\') {
        this.advance(2);
      } else if (this.text.startsWith(delimiter, this.pos)) {
        this.pos += delimiter.length;
        // A multi-line string may end with up to two extra quotes.
        while (multiline && this.peek() === quote) this.pos++;
        break;
      } else {
        this.advance(1);
      }
    }
    return this.text.slice(start, this.pos);
  }

  private skipBlank(newlines: boolean): void {
    while (this.pos < this.text.length) {
      const char = this.peek();
      if (char === ' ' || char === '\t' || char === '\r') {
        this.pos++;
      } else if (char === '\n' && newlines) {
        this.advance(1);
      } else if (char === '#') {
        while (this.pos < this.text.length && this.peek() !== '\n') this.pos++;
      } else {
        return;
      }
    }
  }

  private advance(count: number): void {
    for (let i = 0; i < count && this.pos < this.text.length; i++) {
      if (this.text[this.pos] === '\n') this.line++;
      this.pos++;
    }
  }

  private peek(): string {
    return this.text[this.pos] ?? '';
  }
}

function decodeKey(raw: string): string {
  if (raw.startsWith("'")) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    // TOML escapes JSON lacks (\e, \U…): good enough to match on.
    return raw.slice(1, -1);
  }
}
