/**
 * Whether a `[project."<selector>"]` table applies to a project: by full path
 * (`frameworks/kcoreaddons`), by name (`kcoreaddons`), or by a pattern ending
 * in `*` (`frameworks/*`, `kde/workspace/k*`, `*`).
 *
 * Deliberately small: config stays independent of the graph's selectors.
 */
export function matchesSelector(selector: string, project: { path: string; name: string }):
  boolean {
  if (selector.endsWith('*')) return project.path.startsWith(selector.slice(0, -1));
  return selector === project.path || selector === project.name;
}

/**
 * How specific a selector is, so that `[project.kcoreaddons]` beats
 * `[project."frameworks/*"]` whatever their order in the file: patterns
 * (longer prefix is more specific), then names, then full paths.
 */
export function selectorSpecificity(selector: string): number {
  if (selector.endsWith('*')) return selector.length;
  return selector.includes('/') ? 2_000_000 : 1_000_000;
}
