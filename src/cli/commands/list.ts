import type { CommandArgs } from '../run-command.js';
import type { TerminalOutput } from '../terminal-output.js';
import { openWorkspaceFor, planFromArgs } from '../load-plan.js';

/** `kappy list`: the selected projects in build order. */
export async function run(args: CommandArgs, out: TerminalOutput): Promise<number> {
  const workspace = await openWorkspaceFor(args);
  const { plan, graph } = planFromArgs(workspace, args, { requireTargets: true });

  if (out.json) {
    out.printJson(plan.projects.map((p) => ({
      path: p.path,
      name: p.name,
      repository: p.repository ?? null,
      branch: p.branch ?? null,
      dependencies: p.dependencies,
      externalDependencies: p.externalDependencies,
    })));
    return 0;
  }

  const width = Math.max(0, ...plan.projects.map((p) => p.path.length));
  for (const project of plan.projects) {
    out.print(`${project.path.padEnd(width)}  ${project.branch ?? '(default branch)'}`);
  }
  if (plan.external.length > 0) {
    out.reporter.emit({ stage: 'metadata', kind: 'info',
      message: `external, not built: ${plan.external.join(', ')}` });
  }
  const unmatched = graph.unmatchedRules?.length ?? 0;
  if (unmatched > 0) {
    out.reporter.emit({ stage: 'metadata', kind: 'info',
      message: `${unmatched} dependency rules name no known project (ignored)` });
  }
  return 0;
}
