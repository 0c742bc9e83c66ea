import { UsageError } from '../core/errors.js';
import { matchSelector } from '../graph/select-projects.js';
import type { Workspace } from '../plan/open-workspace.js';

/** Commands about one project (`deps`, `info`) need a selector naming exactly one. */
export function pickOneProject(workspace: Workspace, selector: string): string {
  const matches = matchSelector(selector, workspace.metadata.index);
  const [first] = matches;
  if (first === undefined) throw new UsageError(`no project matches "${selector}"`);
  if (matches.length > 1) {
    const shown = matches.slice(0, 8).join(', ');
    throw new UsageError(`"${selector}" matches ${matches.length} projects (${shown}` +
      `${matches.length > 8 ? ', …' : ''}); give the full path`);
  }
  return first;
}
