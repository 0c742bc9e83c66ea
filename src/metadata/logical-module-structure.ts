import { MetadataError } from '../core/errors.js';
import type { BranchGroups } from './dependency-rule.js';
import { locateOffset } from './text-position.js';

/**
 * Reads kde-build-metadata's `logical-module-structure` (JSON): for each
 * project path or `prefix*` pattern, the branch to use in each branch group
 * (`kf5-qt5`, `stable-kf5-qt5`, …).
 */
export function parseLogicalModuleStructure(text: string, file: string): BranchGroups {
  const data = parseJson(text, file);
  const groups = isObject(data) ? data.groups : undefined;
  if (!isObject(groups)) {
    throw new MetadataError('expected a top-level "groups" object mapping project paths ' +
      'to {"branch-group": "branch"}', { location: { file } });
  }
  return readBranchGroups(groups, file);
}

/** Converts a parsed `groups` object (JSON or YAML) into `BranchGroups`. */
export function readBranchGroups(groups: Record<string, unknown>, file: string): BranchGroups {
  const result = new Map<string, Record<string, string>>();
  for (const [pattern, branches] of Object.entries(groups)) {
    if (!isObject(branches)) {
      throw new MetadataError(`groups.${pattern} must be an object of branch-group: branch, ` +
        `found ${JSON.stringify(branches)}`, { location: { file, key: `groups.${pattern}` } });
    }
    result.set(pattern, readBranches(pattern, branches, file));
  }
  return { groups: result };
}

/**
 * The branch the branch groups give `path` in `group`. The most specific
 * entry that names the group wins: the exact path, then the longest
 * `prefix*` pattern, then `*`. An entry that does not name the group says
 * nothing and the next one is asked.
 *
 * Returns '' when the project is not built in that branch group, and
 * undefined when no entry says anything.
 */
export function resolveBranchGroupBranch(groups: BranchGroups, path: string,
  group: string): string | undefined {
  const exact = groups.groups.get(path)?.[group];
  if (exact !== undefined) return exact;

  let best: { length: number; branch: string } | undefined;
  for (const [pattern, branches] of groups.groups) {
    if (!pattern.endsWith('*')) continue;
    const prefix = pattern.slice(0, -1);
    const branch = branches[group];
    if (branch === undefined || !path.startsWith(prefix)) continue;
    if (!best || prefix.length > best.length) best = { length: prefix.length, branch };
  }
  return best?.branch;
}

function readBranches(pattern: string, branches: Record<string, unknown>,
  file: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [group, branch] of Object.entries(branches)) {
    if (typeof branch !== 'string') {
      throw new MetadataError(`groups.${pattern}.${group} must be a branch name (a string), ` +
        `found ${JSON.stringify(branch)}`, { location: { file, key: `groups.${pattern}` } });
    }
    result[group] = branch;
  }
  return result;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = locateJsonError(text, message);
    throw new MetadataError(`invalid JSON: ${message}`,
      { location: { file, ...at }, cause: error });
  }
}

/** V8 says either "at position N" or "(line L column C)"; turn both into a location. */
function locateJsonError(text: string, message: string):
  { line?: number; column?: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (position) return locateOffset(text, Number(position[1]));
  if (/end of (JSON|data) input/i.test(message)) return locateOffset(text, text.length);
  return {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
