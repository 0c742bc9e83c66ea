import type { DependencyRule } from '../metadata/dependency-rule.js';
import type { GraphInput } from './dependency-graph.js';
import { ProjectNames } from './project-names.js';

/**
 * What the rules do to each project before negations apply, by number:
 * projects are numbered in index order (see ProjectNames); a source the
 * index does not know is numbered after them, `externals[j]` being
 * `projects.paths.length + j`.
 */
export interface RuleEffects {
  projects: ProjectNames;
  externals: string[];
  /** The dependents that gained a source, in the order they first did. */
  dependents: number[];
  /** Sources each dependent gains, by dependent, in rule order; may repeat. */
  added: Array<number[] | undefined>;
  /** Sources each dependent loses (`-source`), by dependent. */
  cancelled: Array<number[] | undefined>;
}

/**
 * Matches each rule against the index (see buildDependencyGraph). Rules
 * that match no project, and rules with a wildcard source, are appended to
 * `unmatched`.
 */
export function collectRuleEffects(input: GraphInput, unmatched: DependencyRule[]): RuleEffects {
  const projects = new ProjectNames(input.index);
  const count = projects.paths.length;
  const matchWildcard = createWildcardMatcher(projects);
  const sources = new SourceNumbers(projects);
  const effects: RuleEffects = { projects, externals: sources.externals, dependents: [],
    added: new Array(count), cancelled: new Array(count) };

  for (let r = 0; r < input.rules.length; r++) {
    const rule = input.rules[r]!;
    // kdesrc-build skips wildcard sources too: they name no single project.
    const dependents = rule.source.endsWith('*')
      ? []
      : matchDependents(rule.dependent, projects, matchWildcard);
    if (dependents.length === 0) {
      unmatched.push(rule);
      continue;
    }

    const source = sources.numberOf(rule.source);
    const branch = rule.dependentBranch === '*' ? undefined : rule.dependentBranch;
    for (let i = 0; i < dependents.length; i++) {
      const dependent = dependents[i]!;
      if (branch !== undefined && input.branchOf?.(projects.paths[dependent]!) !== branch) {
        continue;
      }
      if (rule.negated) addTo(effects.cancelled, dependent, source);
      else if (addTo(effects.added, dependent, source)) effects.dependents.push(dependent);
    }
  }
  return effects;
}

function matchDependents(dependent: string, projects: ProjectNames,
  matchWildcard: (prefix: string) => readonly number[]): readonly number[] {
  if (!dependent.endsWith('*')) return projects.resolveAll(dependent);
  return matchWildcard(dependent.slice(0, -1));
}

/**
 * Numbers rule sources: the project a source names, else a number past the
 * projects for the unknown name (`Qt5`), the same for each mention.
 */
class SourceNumbers {
  readonly externals: string[] = [];
  readonly #externalIds = new Map<string, number>();
  readonly #projects: ProjectNames;

  constructor(projects: ProjectNames) {
    this.#projects = projects;
  }

  numberOf(source: string): number {
    const project = this.#projects.resolveOne(source);
    if (project !== undefined) return project;

    let id = this.#externalIds.get(source);
    if (id === undefined) {
      id = this.#projects.paths.length + this.externals.length;
      this.#externalIds.set(source, id);
      this.externals.push(source);
    }
    return id;
  }
}

/**
 * Matches wildcard dependents (`prefix*`) against every project except
 * `third-party/`, by path or name; the same pattern often recurs (`*`), so
 * each is matched once.
 */
function createWildcardMatcher({ paths, names }: ProjectNames):
  (prefix: string) => readonly number[] {
  const matches = new Map<string, number[]>();
  return (prefix) => {
    let found = matches.get(prefix);
    if (found) return found;

    found = [];
    for (let id = 0; id < paths.length; id++) {
      const path = paths[id]!;
      if (path.startsWith('third-party/')) continue;
      if (path.startsWith(prefix) || names[id]!.startsWith(prefix)) found.push(id);
    }
    matches.set(prefix, found);
    return found;
  };
}

/** Appends to the list at `key`; true when the list is new. */
function addTo(lists: Array<number[] | undefined>, key: number, value: number): boolean {
  const list = lists[key];
  if (list) list.push(value);
  else lists[key] = [value];
  return list === undefined;
}
