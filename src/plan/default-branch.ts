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

export function defaultBranchOf(project: Project, branchGroup?: string): string | undefined {
  const keys = branchGroup ? (i18nKeyByBranchGroup[branchGroup] ?? []) : ['trunk_kf5', 'trunk'];
  for (const key of keys) {
    const branch = project.branches[key];
    if (branch && branch !== 'none') return branch;
  }
  return undefined;
}
