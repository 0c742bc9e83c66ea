import {
  camelCase, commandSpecs, globalOptions, positionalOf, type CommandSpec, type OptionSpec,
} from './command-specs.js';

export interface ParsedCommand {
  command: string;
  args: Record<string, unknown>;
}

/**
 * Parses an ordinary command line without loading yargs, whose import alone
 * costs a tenth of a second. Returns undefined for anything it is not sure
 * about (help, version, unknown options, bad values); yargs then takes over
 * and produces its usual messages.
 */
export function quickParse(argv: string[]): ParsedCommand | undefined {
  const [name, ...rest] = argv;
  const spec = commandSpecs.find((c) => c.name === name);
  if (!spec) return undefined;

  const options = { ...globalOptions, ...spec.options };
  const args = defaultsOf(options);
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (!word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    const used = readOption(word, rest[i + 1], options, args);
    if (used === undefined) return undefined;
    i += used;
  }
  return finish(spec, args, positionals);
}

function defaultsOf(options: Record<string, OptionSpec>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(options)) {
    if (option.default !== undefined) args[camelCase(name)] = option.default;
  }
  return args;
}

/** Returns how many following words it consumed, or undefined to give up. */
function readOption(word: string, next: string | undefined,
  options: Record<string, OptionSpec>, args: Record<string, unknown>): number | undefined {
  if (word === '--') return undefined;
  const [flag, inline] = splitInline(word);
  const negated = flag.startsWith('no-') && options[flag.slice(3)]?.type === 'boolean';
  const name = negated ? flag.slice(3) : findOptionName(flag, options);
  const option = name === undefined ? undefined : options[name];
  if (name === undefined || option === undefined) return undefined;

  if (option.type === 'boolean') {
    if (inline !== undefined) return undefined;
    args[camelCase(name)] = !negated;
    return 0;
  }
  const value = inline ?? next;
  if (value === undefined || (inline === undefined && value.startsWith('-'))) return undefined;
  const converted = convert(value, option);
  if (converted === undefined) return undefined;
  const key = camelCase(name);
  args[key] = option.array ? [...((args[key] as unknown[]) ?? []), converted] : converted;
  return inline === undefined ? 1 : 0;
}

function splitInline(word: string): [string, string | undefined] {
  const body = word.replace(/^--?/, '');
  const equals = body.indexOf('=');
  return equals < 0 ? [body, undefined] : [body.slice(0, equals), body.slice(equals + 1)];
}

function findOptionName(flag: string, options: Record<string, OptionSpec>): string | undefined {
  if (options[flag]) return flag;
  return Object.keys(options).find((name) => options[name]?.alias === flag);
}

function convert(value: string, option: OptionSpec): string | number | undefined {
  if (option.choices && !option.choices.includes(value)) return undefined;
  if (option.type === 'string') return value;
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) ? number : undefined;
}

function finish(spec: CommandSpec, args: Record<string, unknown>,
  positionals: string[]): ParsedCommand | undefined {
  const positional = positionalOf(spec);
  if (!positional) return positionals.length ? undefined : { command: spec.name, args };
  if (!positional.many && positionals.length !== 1) return undefined;
  if (positional.required && positionals.length === 0) return undefined;
  args[positional.name] = positional.many ? positionals : positionals[0];

  const missing = Object.entries(spec.options)
    .some(([name, o]) => o.demandOption && args[camelCase(name)] === undefined);
  const clash = (spec.conflicts ?? []).some(([a, b]) => args[a] === true && args[b] === true);
  return missing || clash ? undefined : { command: spec.name, args };
}
