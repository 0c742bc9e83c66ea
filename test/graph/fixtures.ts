import type { DependencyRule } from '../../src/metadata/dependency-rule.js';
import type { Project, ProjectIndex } from '../../src/metadata/project.js';

/** A small index from project paths; `inactive` lists the inactive ones. */
export function makeIndex(paths: string[], inactive: string[] = []): ProjectIndex {
  const projects = new Map<string, Project>();
  for (const path of paths) {
    projects.set(path, {
      path,
      name: path.slice(path.lastIndexOf('/') + 1),
      repositories: { https: `https://invent.kde.org/${path}.git` },
      active: !inactive.includes(path),
      branches: {},
    });
  }
  return { projects };
}

let line = 0;

/** One dependency rule as the parser would return it. */
export function rule(
  dependent: string,
  source: string,
  extra: Partial<Pick<DependencyRule, 'negated' | 'dependentBranch' | 'sourceBranch'>> = {},
): DependencyRule {
  line += 1;
  return { dependent, source, negated: false, file: 'dependency-data', line, ...extra };
}

/** Direct dependencies of a node, sorted, for readable assertions. */
export function depsOf(
  graph: { nodes: Map<string, { dependencies: Set<string> }> },
  path: string,
): string[] {
  return [...(graph.nodes.get(path)?.dependencies ?? [])].sort();
}
