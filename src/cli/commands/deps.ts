import type { DependencyGraph } from '../../graph/dependency-graph.js';
import type { CommandArgs } from '../run-command.js';
import type { TerminalOutput } from '../terminal-output.js';
import { openWorkspaceFor, planFromArgs } from '../load-plan.js';
import { pickOneProject } from '../pick-one-project.js';

/** `kappy deps`: what a project needs and what needs it. */
export async function run(args: CommandArgs, out: TerminalOutput): Promise<number> {
  const workspace = await openWorkspaceFor(args);
  const selector = String(args['selector']);
  const target = pickOneProject(workspace, selector);
  const { graph, plan } = planFromArgs(workspace, { ...args, selectors: [target] },
    { requireTargets: true });
  const node = graph.nodes.get(target);
  const dependencies = sorted(node?.dependencies);
  const dependents = sorted(node?.dependents);

  if (out.json) {
    out.printJson({
      path: target,
      dependencies,
      dependents,
      buildOrder: plan.projects.map((p) => p.path),
      external: plan.external,
    });
  } else if (args['dot'] === true) {
    out.print(renderDot(graph, plan.projects.map((p) => p.path), plan.external));
  } else if (args['tree'] === true) {
    renderTree(graph, target).forEach((line) => out.print(line));
  } else {
    const shown = dependencies.map((d) => graph.nodes.get(d)?.external ? `${d} (external)` : d);
    out.print(`${target}`);
    out.print(`  needs:     ${shown.join(', ') || '(nothing)'}`);
    out.print(`  needed by: ${dependents.join(', ') || '(nothing)'}`);
  }
  return 0;
}

function sorted(values: Iterable<string> | undefined): string[] {
  return [...(values ?? [])].sort();
}

/** Dependencies as an indented tree; a subtree already shown is marked, not repeated. */
function renderTree(graph: DependencyGraph, root: string): string[] {
  const lines: string[] = [];
  const shown = new Set<string>();
  const visit = (path: string, depth: number): void => {
    const node = graph.nodes.get(path);
    const external = node?.external ? ' (external)' : '';
    const again = shown.has(path) && (node?.dependencies.size ?? 0) > 0 ? ' (see above)' : '';
    lines.push(`${'  '.repeat(depth)}${path}${external}${again}`);
    if (again || shown.has(path)) return;
    shown.add(path);
    for (const dep of sorted(node?.dependencies)) visit(dep, depth + 1);
  };
  visit(root, 0);
  return lines;
}

function renderDot(graph: DependencyGraph, paths: string[], external: string[]): string {
  const quote = (s: string): string => JSON.stringify(s);
  const lines = ['digraph dependencies {', '  rankdir=LR;'];
  for (const path of external) lines.push(`  ${quote(path)} [style=dashed];`);
  for (const path of paths) {
    for (const dep of sorted(graph.nodes.get(path)?.dependencies)) {
      lines.push(`  ${quote(path)} -> ${quote(dep)};`);
    }
  }
  lines.push('}');
  return lines.join('\n');
}
