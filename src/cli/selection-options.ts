import type { Argv } from 'yargs';

/** Options shared by every command that selects projects. */
export function addSelectionOptions<T>(y: Argv<T>) {
  return y
    .positional('selectors', {
      type: 'string',
      array: true,
      describe: 'recipes, project names, paths or path/* patterns',
    })
    .option('all', { type: 'boolean', describe: 'every active, non-ignored project' })
    .option('ignore', { type: 'string', array: true, describe: 'leave these out (wins)' })
    .option('include-dependencies', {
      type: 'boolean',
      default: true,
      describe: 'also select what the projects need (--no-include-dependencies)',
    })
    .option('branch-group', { type: 'string', describe: 'branch group, e.g. kf5-qt5' });
}
