import type { CommandArgs } from '../run-command.js';
import type { TerminalOutput } from '../terminal-output.js';
import { openWorkspaceFor, planFromArgs } from '../load-plan.js';
import { pickOneProject } from '../pick-one-project.js';

/** `kappy info`: everything known about one project. */
export async function run(args: CommandArgs, out: TerminalOutput): Promise<number> {
  const workspace = await openWorkspaceFor(args);
  const target = pickOneProject(workspace, String(args['selector']));
  const { graph, plan, branchGroup } = planFromArgs(workspace,
    { ...args, selectors: [target], includeDependencies: false }, { requireTargets: true });
  const project = workspace.metadata.index.projects.get(target);
  const planned = plan.projects.find((p) => p.path === target);
  const node = graph.nodes.get(target);

  const info = {
    path: target,
    name: project?.name,
    description: project?.description ?? null,
    active: project?.active,
    kind: project?.kind ?? null,
    source: project?.source ?? null,
    repositories: project?.repositories ?? {},
    branches: project?.branches ?? {},
    branchGroup: branchGroup ?? null,
    repository: planned?.repository ?? null,
    branch: planned?.branch ?? null,
    dependencies: [...(node?.dependencies ?? [])].sort(),
    dependents: [...(node?.dependents ?? [])].sort(),
    settings: planned?.settings ?? null,
  };

  if (out.json) {
    out.printJson(info);
    return 0;
  }
  for (const [key, value] of Object.entries(info)) {
    const text = describeValue(value);
    if (text !== '') out.print(`${key.padEnd(13)} ${text}`);
  }
  return 0;
}

/** One line per field for people: lists joined, tables as `key=value`, empties left out. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => [key, describeValue(inner)] as const)
      .filter(([, inner]) => inner !== '')
      .map(([key, inner]) => `${key}=${inner}`)
      .join('  ');
  }
  return String(value);
}
