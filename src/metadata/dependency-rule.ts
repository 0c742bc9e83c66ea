/**
 * One line of kde-build-metadata dependency data, as written:
 * `dependent[branch]: [-]source[branch]`.
 *
 * `dependent` may be `*`, a `prefix*` pattern or a bare name; `source` may be
 * a path the metadata does not know (`third-party/Qt5`, `Qt5`).
 */
export interface DependencyRule {
  dependent: string;
  dependentBranch?: string;
  source: string;
  sourceBranch?: string;
  /** A `-` rule cancels an edge another (usually wildcard) rule added. */
  negated: boolean;
  file: string;
  line: number;
}

/** Branch groups: for each path or `prefix*` pattern, branch by group. */
export interface BranchGroups {
  groups: Map<string, Record<string, string>>;
}
