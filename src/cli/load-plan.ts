import { UsageError } from '../core/errors.js';
import type { SettingsLayer } from '../config/load-config.js';
import { openWorkspace, type Workspace } from '../plan/open-workspace.js';
import { planRequest, type Plan } from '../plan/plan-request.js';
import type { CommandArgs } from './run-command.js';

export function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export async function openWorkspaceFor(args: CommandArgs,
  options: { offline?: boolean } = {}): Promise<Workspace> {
  return openWorkspace({
    configFile: typeof args['config'] === 'string' ? args['config'] : undefined,
    cwd: process.cwd(),
    env: process.env,
    offline: options.offline,
    targets: [...stringList(args['selectors']), ...stringList(args['selector'])],
  });
}

/** Reads the selection options every project-selecting command shares. */
export function planFromArgs(workspace: Workspace, args: CommandArgs,
  options: { requireTargets: boolean; commandLine?: SettingsLayer }): Plan {
  const targets = stringList(args['selectors']);
  const all = args['all'] === true;
  if (options.requireTargets && targets.length === 0 && !all) {
    const recipes = workspace.recipeNames.join(', ') || 'none';
    throw new UsageError('name the projects or recipes to work on, or pass --all ' +
      `(recipes: ${recipes})`);
  }
  return planRequest(workspace, {
    targets,
    all,
    ignore: stringList(args['ignore']),
    includeDependencies: args['includeDependencies'] === false ? false : undefined,
    branchGroup: typeof args['branchGroup'] === 'string' ? args['branchGroup'] : undefined,
    commandLine: options.commandLine,
  });
}

/** `--jobs N`: absent is fine, anything but a positive integer is bad usage. */
export function readJobs(args: CommandArgs): number | undefined {
  const value = args['jobs'];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new UsageError(`--jobs must be a positive integer, got "${String(value)}"`);
  }
  return value;
}
