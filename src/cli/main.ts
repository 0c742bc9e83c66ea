#!/usr/bin/env node
/**
 * kappy's entry point: parses arguments and hands each command to its module.
 * Command modules load lazily so `kappy --help` and `kappy list` stay fast.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runCommand } from './run-command.js';
import { addSelectionOptions } from './selection-options.js';

function defineCommands(cli: Argv): Argv {
  return cli
    .command('list [selectors..]', 'List the selected projects in build order',
      (y) => addSelectionOptions(y),
      (argv) => runCommand('list', argv))
    .command('deps <selector>', 'Show what a project needs and what needs it',
      (y) => y
        .positional('selector', { type: 'string', describe: 'project name or path' })
        .option('tree', { type: 'boolean', describe: 'print the dependency tree' })
        .option('dot', { type: 'boolean', describe: 'print a Graphviz graph' })
        .option('branch-group', { type: 'string', describe: 'branch group, e.g. kf5-qt5' })
        .conflicts('tree', 'dot'),
      (argv) => runCommand('deps', argv))
    .command('info <selector>', 'Show everything known about one project',
      (y) => y
        .positional('selector', { type: 'string', describe: 'project name or path' })
        .option('branch-group', { type: 'string', describe: 'branch group, e.g. kf5-qt5' }),
      (argv) => runCommand('info', argv))
    .command('sync [selectors..]', 'Clone or update the selected projects in the cache',
      (y) => addSelectionOptions(y)
        .option('jobs', { alias: 'j', type: 'number', describe: 'parallel git jobs' })
        .option('offline', { type: 'boolean', describe: 'use no network' })
        .option('pretend', { alias: 'p', type: 'boolean', describe: 'say what would happen' }),
      (argv) => runCommand('sync', argv))
    .command('build [selectors..]', 'Configure, build and install in dependency order',
      (y) => addSelectionOptions(y)
        .option('jobs', { alias: 'j', type: 'number', describe: 'global CPU budget' })
        .option('on-failure', { choices: ['continue', 'stop'] as const,
          describe: 'after a failure: build what does not depend on it, or stop' })
        .option('force', { type: 'boolean', describe: 'rebuild even when up to date' })
        .option('refresh-build', { type: 'boolean', describe: 'delete build dirs first' })
        .option('pretend', { alias: 'p', type: 'boolean', describe: 'show commands, run nothing' })
        .option('resume', { type: 'boolean', describe: 'continue the last interrupted run' })
        .option('resume-from', { type: 'string', describe: 'skip projects before this one' })
        .option('stop-after', { type: 'string', describe: 'start nothing after this one' })
        .option('sync', { type: 'boolean', describe: 'sync the projects first' }),
      (argv) => runCommand('build', argv))
    .command('package [selectors..]', 'Turn install trees into distribution packages',
      (y) => addSelectionOptions(y)
        .option('distro', { type: 'string', demandOption: true,
          describe: 'packager name, e.g. slackware or debian' }),
      (argv) => runCommand('package', argv));
}

async function main(): Promise<void> {
  const cli = yargs(hideBin(process.argv))
    .scriptName('kappy')
    .usage('$0 <command> [options]')
    .option('config', { type: 'string', describe: 'config file (default ./kappy.toml)' })
    .option('json', { type: 'boolean', describe: 'machine-readable output' })
    .strict()
    .demandCommand(1, 'Name a command: list, deps, info, sync, build or package.')
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 80))
    .fail((message, error, y) => {
      if (error) throw error;
      process.stderr.write(`${y.help() ? '' : ''}kappy: ${message}\n` +
        `Run "kappy --help" for usage.\n`);
      process.exit(2);
    });

  await defineCommands(cli).parseAsync();
}

main().catch((error: unknown) => {
  process.stderr.write(`kappy: internal error: ${String(error)}\n`);
  process.exit(70);
});
