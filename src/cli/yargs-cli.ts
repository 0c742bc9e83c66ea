import yargs, { type Argv, type Options } from 'yargs';
import { commandSpecs, globalOptions, positionalOf, type CommandSpec,
  type OptionSpec } from './command-specs.js';
import { runCommand } from './run-command.js';

/** The full yargs parser, built from the same table as the quick parser. */
export async function parseWithYargs(argv: string[]): Promise<void> {
  let cli: Argv = yargs(argv)
    .scriptName('kappy')
    .usage('$0 <command> [options]')
    .options(toYargsOptions(globalOptions))
    .strict()
    .demandCommand(1, 'Name a command: list, deps, info, sync, build or package.')
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 80))
    .fail((message, error) => {
      if (error) throw error;
      process.stderr.write(`kappy: ${message}\nRun "kappy --help" for usage.\n`);
      process.exit(2);
    }) as unknown as Argv;
  for (const spec of commandSpecs) cli = addCommand(cli, spec);
  await cli.parseAsync();
}

function addCommand(cli: Argv, spec: CommandSpec): Argv {
  return cli.command(spec.usage, spec.describe, (y) => {
    const positional = positionalOf(spec);
    let command = positional
      ? y.positional(positional.name, { type: 'string', array: positional.many,
        describe: positional.many ? 'recipes, project names, paths or path/* patterns'
          : 'project name or path' })
      : y;
    command = command.options(toYargsOptions(spec.options));
    for (const [a, b] of spec.conflicts ?? []) command = command.conflicts(a, b);
    return command;
  }, (args) => runCommand(spec.name, args));
}

function toYargsOptions(options: Record<string, OptionSpec>): Record<string, Options> {
  return Object.fromEntries(Object.entries(options).map(([name, o]) => [name, {
    type: o.type, describe: o.describe, alias: o.alias, array: o.array,
    choices: o.choices ? [...o.choices] : undefined, default: o.default,
    demandOption: o.demandOption,
  }]));
}
