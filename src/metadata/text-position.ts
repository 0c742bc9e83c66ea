/** 1-based line and column of an offset, for error messages. */
export interface TextPosition {
  line: number;
  column: number;
}

export function locateOffset(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Line numbers for increasing offsets in one pass over the text, so a reader
 * can tag every record with its line without rescanning from the start.
 */
export class LineCounter {
  private line = 1;
  private offset = 0;

  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.line = 1;
      this.offset = 0;
    }
    let nl = this.text.indexOf('\n', this.offset);
    while (nl >= 0 && nl < offset) {
      this.line++;
      nl = this.text.indexOf('\n', nl + 1);
    }
    this.offset = offset;
    return this.line;
  }
}
