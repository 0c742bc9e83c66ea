import { UsageError } from '../core/errors.js';
import type { ProjectIndex } from '../metadata/project.js';
import { suggestNames } from './suggest-names.js';

/**
 * The projects a selector names, in index order, active or not:
 *
 * - `*` every project; `frameworks/*` or `kcore*` every project whose path
 *   (or name) starts with what comes before the `*`;
 * - `frameworks/kcoreaddons` that project;
 * - `kcoreaddons` (or `phonon/phonon`) the projects whose path ends with it,
 *   as KDE's tools match short names;
 * - `frameworks` or `kde/workspace` every project below that folder.
 *
 * @throws UsageError quoting the selector, with "did you mean" suggestions,
 *   when nothing matches.
 */
export function matchSelector(selector: string, index: ProjectIndex): string[] {
  // `frameworks/` is how shell completion writes the folder `frameworks`.
  const wanted = selector.trim().replace(/\/+$/, '');
  if (wanted === '') throw new UsageError('empty project selector');

  const matches = wanted.endsWith('*')
    ? matchPrefix(wanted.slice(0, -1), index)
    : matchName(wanted, index);
  if (matches.length > 0) return matches;

  throw new UsageError(describeUnknown(selector, index));
}

/** True when the selector is a pattern rather than the name of one project. */
export function isWildcardSelector(selector: string): boolean {
  return selector.trim().endsWith('*');
}

function matchPrefix(prefix: string, index: ProjectIndex): string[] {
  const matches: string[] = [];
  for (const [path, project] of index.projects) {
    if (path.startsWith(prefix) || project.name.startsWith(prefix)) matches.push(path);
  }
  return matches;
}

function matchName(name: string, index: ProjectIndex): string[] {
  if (index.projects.has(name)) return [name];

  const ending = `/${name}`;
  const folder = `${name}/`;
  const byEnding: string[] = [];
  const below: string[] = [];
  for (const path of index.projects.keys()) {
    if (path.endsWith(ending)) byEnding.push(path);
    else if (path.startsWith(folder)) below.push(path);
  }
  return byEnding.length > 0 ? byEnding : below;
}

function describeUnknown(selector: string, index: ProjectIndex): string {
  const byPath = selector.includes('/');
  const candidates = [...index.projects.values()].map((p) => (byPath ? p.path : p.name));
  const suggestions = suggestNames(selector.replace(/\*$/, ''), candidates);

  const hint = suggestions.length > 0
    ? ` Did you mean ${suggestions.map((name) => `'${name}'`).join(', ')}?`
    : '';
  return `no project matches '${selector}'.${hint}`
    + " Run 'kappy list --all' to see every project.";
}
