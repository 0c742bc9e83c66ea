import type { DependencyRule } from '../metadata/dependency-rule.js';
import type { ProjectIndex } from '../metadata/project.js';
import { ProjectNames } from './project-names.js';

export interface GraphNode {
  path: string;
  /** Not in the index (`third-party/Qt5`, `Qt5`): reported, never built. */
  external: boolean;
  /** Direct dependencies, by path. */
  dependencies: Set<string>;
  /** Reverse edges: the projects that depend directly on this one. */
  dependents: Set<string>;
}

export interface DependencyGraph {
  nodes: Map<string, GraphNode>;
  /**
   * Rules whose dependent matched no project in the index (a name the
   * metadata does not know, a wildcard that covers nothing) or whose source is
   * a wildcard, which kde-build-metadata does not allow. Set by
   * buildDependencyGraph so that `kappy list` can report them.
   */
  unmatchedRules?: DependencyRule[];
}

export interface GraphInput {
  index: ProjectIndex;
  rules: DependencyRule[];
  /** The branch a project builds from, for `name[branch]` qualifiers. */
  branchOf?: (path: string) => string | undefined;
}

/** Sources each dependent gains and loses, before negations are applied. */
interface RuleEffects {
  added: Map<string, Set<string>>;
  cancelled: Map<string, Set<string>>;
}

/**
 * Applies kde-build-metadata rules to the index, the way kdesrc-build does:
 * wildcards on the left (`*`, `prefix*`) cover every project under the prefix
 * except `third-party/`; `-source` cancels an edge any other rule added for
 * that dependent, whatever the rule order; `dependent[branch]` applies only
 * when the dependent builds from that branch; names match by full path or
 * last component. Self-edges are dropped and unknown sources become external
 * nodes.
 */
export function buildDependencyGraph(input: GraphInput): DependencyGraph {
  const graph: DependencyGraph = { nodes: new Map(), unmatchedRules: [] };
  for (const path of input.index.projects.keys()) addNode(graph, path, false);

  const effects = collectRuleEffects(input, graph.unmatchedRules ?? []);

  for (const [dependent, sources] of effects.added) {
    const cancelled = effects.cancelled.get(dependent);
    for (const source of sources) {
      if (source === dependent || cancelled?.has(source)) continue;
      addEdge(graph, dependent, source);
    }
  }
  return graph;
}

/** One line per rule that matched nothing, for `kappy list` to report. */
export function describeUnmatchedRules(graph: DependencyGraph): string[] {
  return (graph.unmatchedRules ?? []).map((rule) => {
    const source = (rule.negated ? '-' : '') + rule.source;
    const what = rule.source.endsWith('*')
      ? 'has a wildcard source, which is ignored'
      : 'matches no project in the metadata';
    return `${rule.file}:${rule.line}: rule '${rule.dependent}: ${source}' ${what}`;
  });
}

/** Adds the edge `dependent → source`, creating an external source node. */
export function addEdge(graph: DependencyGraph, dependent: string, source: string): void {
  const from = graph.nodes.get(dependent) ?? addNode(graph, dependent, false);
  const to = graph.nodes.get(source) ?? addNode(graph, source, true);
  from.dependencies.add(source);
  to.dependents.add(dependent);
}

export function addNode(graph: DependencyGraph, path: string, external: boolean): GraphNode {
  const node: GraphNode = {
    path, external, dependencies: new Set(), dependents: new Set(),
  };
  graph.nodes.set(path, node);
  return node;
}

function collectRuleEffects(input: GraphInput, unmatched: DependencyRule[]): RuleEffects {
  const names = new ProjectNames(input.index);
  const wildcardTargets = listWildcardTargets(input.index);
  const effects: RuleEffects = { added: new Map(), cancelled: new Map() };

  for (const rule of input.rules) {
    // kdesrc-build skips wildcard sources too: they name no single project.
    const dependents = rule.source.endsWith('*')
      ? []
      : matchDependents(rule.dependent, names, wildcardTargets);
    if (dependents.length === 0) {
      unmatched.push(rule);
      continue;
    }

    const source = names.resolveOne(rule.source) ?? rule.source;
    const into = rule.negated ? effects.cancelled : effects.added;
    for (const dependent of dependents) {
      if (!buildsFromBranch(input, dependent, rule.dependentBranch)) continue;
      addToSet(into, dependent, source);
    }
  }
  return effects;
}

/** Projects a wildcard may cover: everything except `third-party/`. */
function listWildcardTargets(index: ProjectIndex): Array<{ path: string; name: string }> {
  const targets: Array<{ path: string; name: string }> = [];
  for (const [path, project] of index.projects) {
    if (!path.startsWith('third-party/')) targets.push({ path, name: project.name });
  }
  return targets;
}

function matchDependents(
  dependent: string,
  names: ProjectNames,
  wildcardTargets: Array<{ path: string; name: string }>,
): string[] {
  if (!dependent.endsWith('*')) return names.resolveAll(dependent);

  const prefix = dependent.slice(0, -1);
  return wildcardTargets
    .filter((target) => target.path.startsWith(prefix) || target.name.startsWith(prefix))
    .map((target) => target.path);
}

function buildsFromBranch(input: GraphInput, path: string, branch: string | undefined): boolean {
  if (branch === undefined || branch === '*') return true;
  return input.branchOf?.(path) === branch;
}

function addToSet(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
