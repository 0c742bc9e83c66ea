import { MetadataError } from '../core/errors.js';
import type { DependencyRule } from './dependency-rule.js';

/**
 * Reads kde-build-metadata dependency data (`dependency-data-<group>`) and
 * repo-metadata's `kde-dependencies/*`, which share one syntax:
 *
 *     # comment
 *     dependent[branch]: [-]source[branch]   # trailing comment
 *
 * `dependent` may be `*` or `prefix*`; names may be paths or bare names.
 * Rules are returned as written; applying wildcards and negations is the
 * graph's job. A line that does not parse throws `MetadataError` with the
 * file, line, column and what was expected there.
 */
export function parseDependencyData(text: string, file: string): DependencyRule[] {
  const rules: DependencyRule[] = [];
  const lines = text.split('\n');

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    const hash = raw.indexOf('#');
    const content = (hash < 0 ? raw : raw.slice(0, hash)).trimEnd();
    if (content.trim() === '') continue;
    rules.push(matchRule(content, file, index + 1) ?? parseRule(content, file, index + 1));
  }
  return rules;
}

/** The common, well-formed line, in one native match; undefined: read it slowly. */
const RULE = /^\s*([^\s:[\]]+)(?:\[([^\]\s]+)\])?\s*:\s*(-?)([^\s:[\]*]+)(?:\[([^\]\s]+)\])?$/;

function matchRule(text: string, file: string, line: number): DependencyRule | undefined {
  const match = RULE.exec(text);
  if (!match) return undefined;
  const [, dependent = '', dependentBranch, minus, source = '', sourceBranch] = match;
  const rule: DependencyRule = { dependent, source, negated: minus === '-', file, line };
  if (dependentBranch !== undefined) rule.dependentBranch = dependentBranch;
  if (sourceBranch !== undefined) rule.sourceBranch = sourceBranch;
  return rule;
}

/** A cursor over one line, failing with the column it stopped at. */
class LineReader {
  pos = 0;

  constructor(readonly text: string, readonly file: string, readonly line: number) {}

  skipSpaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  accept(char: string): boolean {
    if (this.text[this.pos] !== char) return false;
    this.pos++;
    return true;
  }

  /** A name: anything up to whitespace, `:`, `[` or `]`. */
  readName(what: string): string {
    const start = this.pos;
    while (this.pos < this.text.length && !/[\s:[\]]/.test(this.text[this.pos] ?? '')) {
      this.pos++;
    }
    if (this.pos === start) this.fail(what);
    return this.text.slice(start, this.pos);
  }

  /** An optional `[branch]` right after a name. */
  readBranch(): string | undefined {
    if (!this.accept('[')) return undefined;
    const close = this.text.indexOf(']', this.pos);
    if (close < 0) this.fail('"]" to close the branch');
    const branch = this.text.slice(this.pos, close).trim();
    if (branch === '') this.fail('a branch name inside "[]"');
    this.pos = close + 1;
    return branch;
  }

  fail(expected: string): never {
    const rest = this.text.slice(this.pos);
    const found = rest === '' ? 'the end of the line' : JSON.stringify(rest);
    throw new MetadataError(
      `bad dependency line ${JSON.stringify(this.text.trim())}: expected ${expected}, ` +
        `found ${found} (the syntax is "dependent[branch]: [-]source[branch]")`,
      { location: { file: this.file, line: this.line, column: this.pos + 1 } });
  }
}

function parseRule(text: string, file: string, line: number): DependencyRule {
  const reader = new LineReader(text, file, line);
  reader.skipSpaces();
  const dependent = reader.readName('a project name or pattern');
  const dependentBranch = reader.readBranch();

  reader.skipSpaces();
  if (!reader.accept(':')) reader.fail('":" after the dependent project');
  reader.skipSpaces();
  const negated = reader.accept('-');
  const sourceStart = reader.pos;
  const source = reader.readName('the project it depends on after ":"');
  if (source.includes('*')) {
    reader.pos = sourceStart;
    reader.fail('a project name, not a pattern, after ":"');
  }
  const sourceBranch = reader.readBranch();

  reader.skipSpaces();
  if (reader.pos < text.length) reader.fail('the end of the line (one dependency per line)');

  const rule: DependencyRule = { dependent, source, negated, file, line };
  if (dependentBranch !== undefined) rule.dependentBranch = dependentBranch;
  if (sourceBranch !== undefined) rule.sourceBranch = sourceBranch;
  return rule;
}
