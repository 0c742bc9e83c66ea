/**
 * The commands and their options, written once. Both argument parsers read
 * this table: the quick one that runs every ordinary command line, and yargs,
 * loaded only for --help, --version and anything the quick one refuses.
 */

export interface OptionSpec {
  type: 'boolean' | 'string' | 'number';
  describe: string;
  alias?: string;
  array?: boolean;
  choices?: readonly string[];
  default?: boolean;
  demandOption?: boolean;
}

export interface CommandSpec {
  name: string;
  /** yargs command string: `list [selectors..]`, `deps <selector>`. */
  usage: string;
  describe: string;
  options: Record<string, OptionSpec>;
  conflicts?: [string, string][];
}

export const globalOptions: Record<string, OptionSpec> = {
  config: { type: 'string', describe: 'config file (default ./kappy.toml)' },
  json: { type: 'boolean', describe: 'machine-readable output' },
};

const selection: Record<string, OptionSpec> = {
  all: { type: 'boolean', describe: 'every active, non-ignored project' },
  ignore: { type: 'string', array: true, describe: 'leave these out (wins)' },
  'include-dependencies': { type: 'boolean', default: true,
    describe: 'also select what the projects need (--no-include-dependencies)' },
  'branch-group': { type: 'string', describe: 'branch group, e.g. kf5-qt5' },
};

const branchGroup = { 'branch-group': selection['branch-group']! };

export const commandSpecs: CommandSpec[] = [
  { name: 'list', usage: 'list [selectors..]',
    describe: 'List the selected projects in build order', options: selection },
  { name: 'deps', usage: 'deps <selector>',
    describe: 'Show what a project needs and what needs it',
    options: {
      tree: { type: 'boolean', describe: 'print the dependency tree' },
      dot: { type: 'boolean', describe: 'print a Graphviz graph' },
      ...branchGroup,
    },
    conflicts: [['tree', 'dot']] },
  { name: 'info', usage: 'info <selector>',
    describe: 'Show everything known about one project', options: branchGroup },
  { name: 'sync', usage: 'sync [selectors..]',
    describe: 'Clone or update the selected projects in the cache',
    options: {
      ...selection,
      jobs: { type: 'number', alias: 'j', describe: 'parallel git jobs' },
      offline: { type: 'boolean', describe: 'use no network' },
      pretend: { type: 'boolean', alias: 'p', describe: 'say what would happen' },
      wait: { type: 'boolean', describe: 'wait for another sync of this cache to end' },
    } },
  { name: 'build', usage: 'build [selectors..]',
    describe: 'Configure, build and install in dependency order',
    options: {
      ...selection,
      jobs: { type: 'number', alias: 'j', describe: 'global CPU budget' },
      'on-failure': { type: 'string', choices: ['continue', 'stop'],
        describe: 'after a failure: build what does not depend on it, or stop' },
      force: { type: 'boolean', describe: 'rebuild even when up to date' },
      'refresh-build': { type: 'boolean', describe: 'delete build dirs first' },
      pretend: { type: 'boolean', alias: 'p', describe: 'show commands, run nothing' },
      resume: { type: 'boolean', describe: 'continue the last interrupted run' },
      'resume-from': { type: 'string', describe: 'skip projects before this one' },
      'stop-after': { type: 'string', describe: 'start nothing after this one' },
      sync: { type: 'boolean', describe: 'sync the projects first' },
    } },
  { name: 'package', usage: 'package [selectors..]',
    describe: 'Turn install trees into distribution packages',
    options: {
      ...selection,
      distro: { type: 'string', demandOption: true,
        describe: 'packager name, e.g. slackware or debian' },
    } },
];

/** `refresh-build` → `refreshBuild`, the key commands read. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The positional's name and whether it takes many: `[selectors..]`, `<selector>`. */
export function positionalOf(spec: CommandSpec):
  { name: string; many: boolean; required: boolean } | undefined {
  const match = /([<[])(\w+)(\.\.)?[>\]]/.exec(spec.usage);
  if (!match) return undefined;
  return { name: match[2]!, many: match[3] !== undefined, required: match[1] === '<' };
}
