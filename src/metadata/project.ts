/** One KDE repository as the metadata describes it. */
export interface Project {
  /** Full project path, e.g. `frameworks/kcoreaddons`. */
  path: string;
  /** Short name: the last path component, e.g. `kcoreaddons`. */
  name: string;
  /** Clone URLs by protocol (`https`, `git`, `ssh`, `file`, …). */
  repositories: Record<string, string>;
  active: boolean;
  /** Branches by i18n key (`trunk`, `trunk_kf5`, `stable_kf5`, …). */
  branches: Record<string, string>;
  description?: string;
  /** repo-metadata `kind` (`software`, …), when known. */
  kind?: string;
  /**
   * repo-metadata `projectpath`: the path this project had in
   * kde_projects.xml (`kde/kdegraphics/spectacle`), which old dependency
   * data still uses.
   */
  legacyPath?: string;
  /** Where this project was read from, for messages. */
  source?: { file: string; line?: number };
}

/** Every project the metadata knows, by path. */
export interface ProjectIndex {
  projects: Map<string, Project>;
}
