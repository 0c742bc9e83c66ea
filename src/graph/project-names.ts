import type { ProjectIndex } from '../metadata/project.js';

const NONE: readonly number[] = [];

/**
 * Looks up projects the way kde-build-metadata names them: by full path when
 * the index knows it, else by the last path component. Rules written against
 * an old layout (`kdesupport/extra-cmake-modules` for a project that moved to
 * `frameworks/extra-cmake-modules`) still find the project that way, as they
 * do in kdesrc-build.
 *
 * Projects are numbers here, in index order, so that graph building works
 * on numbers throughout.
 */
export class ProjectNames {
  /** Project paths by number. */
  readonly paths: string[] = [];
  /** Short names by number. */
  readonly names: string[] = [];
  /** Project numbers by path. */
  readonly idOf = new Map<string, number>();
  readonly #byName = new Map<string, number[]>();

  constructor(index: ProjectIndex) {
    index.projects.forEach((project, path) => {
      const id = this.paths.length;
      this.paths.push(path);
      this.names.push(project.name);
      this.idOf.set(path, id);
      const ids = this.#byName.get(project.name);
      if (ids) ids.push(id);
      else this.#byName.set(project.name, [id]);
    });
  }

  /** Every project the name may mean; empty when the index has none. */
  resolveAll(name: string): readonly number[] {
    const id = this.idOf.get(name);
    if (id !== undefined) return [id];

    const candidates = this.#byName.get(lastComponent(name)) ?? NONE;
    if (candidates.length < 2) return candidates;

    // Same short name twice: prefer the projects sharing the most trailing
    // path components with the name (`x/phonon/phonon` → `kdesupport/phonon/
    // phonon`, not `unmaintained/phonon`).
    const scores = candidates.map((candidate) => countSharedTail(this.paths[candidate]!, name));
    const best = Math.max(...scores);
    return candidates.filter((_, at) => scores[at] === best);
  }

  /** The one project a name means (the smallest path if several), if any. */
  resolveOne(name: string): number | undefined {
    // Most names are full paths: skip building a list for them.
    const id = this.idOf.get(name);
    if (id !== undefined) return id;

    let smallest: number | undefined;
    for (const candidate of this.resolveAll(name)) {
      if (smallest === undefined || this.paths[candidate]! < this.paths[smallest]!) {
        smallest = candidate;
      }
    }
    return smallest;
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
