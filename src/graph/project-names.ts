import type { ProjectIndex } from '../metadata/project.js';

/**
 * Looks up projects the way kde-build-metadata names them: by full path when
 * the index knows it, else by the last path component. Rules written against
 * an old layout (`kdesupport/extra-cmake-modules` for a project that moved to
 * `frameworks/extra-cmake-modules`) still find the project that way, as they
 * do in kdesrc-build.
 */
export class ProjectNames {
  readonly #index: ProjectIndex;
  readonly #byName = new Map<string, string[]>();

  constructor(index: ProjectIndex) {
    this.#index = index;
    for (const [path, project] of index.projects) {
      const paths = this.#byName.get(project.name);
      if (paths) paths.push(path);
      else this.#byName.set(project.name, [path]);
    }
  }

  /** Every project path the name may mean; empty when the index has none. */
  resolveAll(name: string): string[] {
    if (this.#index.projects.has(name)) return [name];

    const candidates = this.#byName.get(lastComponent(name)) ?? [];
    if (candidates.length < 2) return candidates;

    // Same short name twice: prefer the projects sharing the most trailing
    // path components with the name (`x/phonon/phonon` → `kdesupport/phonon/
    // phonon`, not `unmaintained/phonon`).
    const scores = candidates.map((path) => countSharedTail(path, name));
    const best = Math.max(...scores);
    return candidates.filter((_, at) => scores[at] === best);
  }

  /** The one project a name means (the smallest path if several), if any. */
  resolveOne(name: string): string | undefined {
    const paths = this.resolveAll(name);
    if (paths.length < 2) return paths[0];
    return [...paths].sort()[0];
  }
}

function countSharedTail(path: string, name: string): number {
  const a = path.split('/');
  const b = name.split('/');
  let shared = 0;
  while (shared < a.length && shared < b.length
    && a[a.length - 1 - shared] === b[b.length - 1 - shared]) shared++;
  return shared;
}

export function lastComponent(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}
