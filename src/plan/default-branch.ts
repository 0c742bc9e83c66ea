import type { Project } from '../metadata/project.js';

/**
 * The branch a project builds from when neither an override nor the branch
 * group says: the XML's i18n branch matching the branch group, as KDE's
 * translation tooling records it. Undefined means the remote's default.
 */
const i18nKeyByBranchGroup: Record<string, string[]> = {
  'kf5-qt5': ['trunk_kf5'],
  'kf5-minimum': ['trunk_kf5'],
  'stable-kf5-qt5': ['stable_kf5', 'trunk_kf5'],
  'latest-qt4': ['trunk'],
  'stable-qt4': ['stable', 'trunk'],
};

/** Without a branch group: the newest line first. */
const i18nKeysWithoutGroup = ['trunk_kf5', 'trunk'];

export function defaultBranchOf(project: Project, branchGroup?: string): string | undefined {
  const keys = branchGroup ? (i18nKeyByBranchGroup[branchGroup] ?? []) : i18nKeysWithoutGroup;
  for (let i = 0; i < keys.length; i++) {
    const branch = project.branches[keys[i]!];
    if (branch && branch !== 'none') return branch;
  }
  return undefined;
}
