import type { DependencyRule } from '../metadata/dependency-rule.js';
import type { ProjectIndex } from '../metadata/project.js';
import { forgetNumbering, rememberNumbering, type NumberedGraph } from './numbered-graph.js';
import { collectRuleEffects, type RuleEffects } from './rule-effects.js';

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
  const unmatchedRules: DependencyRule[] = [];
  const graph: DependencyGraph = { nodes: new Map(), unmatchedRules };
  const effects = collectRuleEffects(input, unmatchedRules);
  rememberNumbering(graph, applyRuleEffects(graph, effects));
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
  forgetNumbering(graph);
  const from = graph.nodes.get(dependent) ?? addNode(graph, dependent, false);
  const to = graph.nodes.get(source) ?? addNode(graph, source, true);
  from.dependencies.add(source);
  to.dependents.add(dependent);
}

export function addNode(graph: DependencyGraph, path: string, external: boolean): GraphNode {
  forgetNumbering(graph);
  return createNode(graph, path, external);
}

function createNode(graph: DependencyGraph, path: string, external: boolean): GraphNode {
  const node: GraphNode = {
    path, external, dependencies: new Set(), dependents: new Set(),
  };
  graph.nodes.set(path, node);
  return node;
}

/**
 * Adds the nodes and edges the rules call for: a node per project in index
 * order, then each external source when its first edge needs it; edges
 * dependent by dependent, in the order the rules first named them. Returns
 * the numbering of the result, made on the way from the effects' own, which
 * are used up.
 */
function applyRuleEffects(graph: DependencyGraph, effects: RuleEffects): NumberedGraph {
  const { paths, idOf } = effects.projects;
  const projectCount = paths.length;
  const nodes: GraphNode[] = [];
  for (const path of paths) nodes.push(createNode(graph, path, false));

  // Projects keep their number; an external source gets one when created.
  const externalIds = new Int32Array(effects.externals.length).fill(-1);
  const nodeOf = (source: number): number => {
    const external = source - projectCount;
    if (external < 0) return source;
    if (externalIds[external]! < 0) {
      const path = effects.externals[external]!;
      externalIds[external] = paths.length;
      idOf.set(path, paths.length);
      paths.push(path);
      nodes.push(createNode(graph, path, true));
    }
    return externalIds[external]!;
  };

  for (const dependent of effects.dependents) {
    const sources = effects.added[dependent]!;
    const cancelled = effects.cancelled[dependent];
    const from = nodes[dependent]!;
    // Overwrite the list with the node numbers of the new dependencies.
    let kept = 0;
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i]!;
      if (source === dependent || cancelled?.includes(source)) continue;

      const to = nodeOf(source);
      const known = from.dependencies.size;
      from.dependencies.add(paths[to]!);
      if (from.dependencies.size === known) continue;
      nodes[to]!.dependents.add(from.path);
      sources[kept++] = to;
    }
    sources.length = kept;
  }
  return numberEdges(paths, idOf, projectCount, effects.added);
}

/** The numbered graph, from the dependencies applyRuleEffects kept. */
function numberEdges(paths: string[], idOf: Map<string, number>, projectCount: number,
  kept: Array<number[] | undefined>): NumberedGraph {
  const external = new Uint8Array(paths.length).fill(1, projectCount);
  const ids: number[] = [];
  const dependencyStart = new Int32Array(paths.length + 1);
  for (let id = 0; id < paths.length; id++) {
    const dependencies = kept[id];
    if (dependencies) for (let i = 0; i < dependencies.length; i++) ids.push(dependencies[i]!);
    dependencyStart[id + 1] = ids.length;
  }
  return { paths, idOf, external, dependencyIds: Int32Array.from(ids), dependencyStart };
}
