/**
 * Expected failures carry what a user needs to act: where (file, line,
 * column, key or project) and the exit code the CLI should use.
 *
 * Exit codes everywhere: 0 success, 1 some project failed, 2 bad usage,
 * config or metadata.
 */

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  key?: string;
}

export function formatLocation(loc: SourceLocation): string {
  let text = loc.file;
  if (loc.line !== undefined) text += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) text += `:${loc.column}`;
  return text;
}

export class KappyError extends Error {
  readonly exitCode: number;
  readonly location?: SourceLocation;

  constructor(message: string, options: { exitCode?: number; location?: SourceLocation;
    cause?: unknown } = {}) {
    const where = options.location ? `${formatLocation(options.location)}: ` : '';
    super(where + message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 2;
    this.location = options.location;
  }
}

/** Metadata that cannot be read or does not parse. */
export class MetadataError extends KappyError {}

/** A config or recipe file with an unknown key, a wrong type or bad TOML. */
export class ConfigError extends KappyError {}

/** A selector that matches nothing, or a bad command-line combination. */
export class UsageError extends KappyError {}

/** The dependency graph has a cycle; `cycle` lists it, first node repeated last. */
export class CycleError extends KappyError {
  readonly cycle: string[];

  constructor(cycle: string[]) {
    super(`dependency cycle: ${cycle.join(' → ')}`);
    this.cycle = cycle;
  }
}
