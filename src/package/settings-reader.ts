import { ConfigError } from '../core/errors.js';

/**
 * Typed access to one `[package.<distro>]` table, with errors that name the
 * key and quote the bad value.
 */
export class SettingsReader {
  constructor(private readonly table: Record<string, unknown>,
    private readonly section: string) {}

  /** Refuses keys this packager does not know, listing the ones it does. */
  checkKeys(known: readonly string[]): void {
    for (const key of Object.keys(this.table)) {
      if (!known.includes(key)) {
        throw new ConfigError(`unknown key "${key}" in [${this.section}]; ` +
          `known keys: ${known.join(', ')}`);
      }
    }
  }

  string(key: string): string | undefined {
    const value = this.table[key];
    if (value === undefined || typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    throw this.badValue(key, value, 'a string');
  }

  boolean(key: string): boolean | undefined {
    const value = this.table[key];
    if (value === undefined || typeof value === 'boolean') return value;
    throw this.badValue(key, value, 'true or false');
  }

  oneOf<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    const choice = choices.find((candidate) => candidate === value);
    if (choice === undefined) throw this.badValue(key, value, `one of ${choices.join(', ')}`);
    return choice;
  }

  private badValue(key: string, value: unknown, expected: string): ConfigError {
    return new ConfigError(`[${this.section}] ${key} = ${JSON.stringify(value)}: ` +
      `expected ${expected}`);
  }
}
