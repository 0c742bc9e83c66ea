import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { scanTree } from '../archive/scan-tree.js';
import { sortEntries, type TreeEntry } from '../archive/tree-entry.js';
import { PackageError } from '../package-error.js';
import { createDoinstHead, createSymlinkLines, joinDoinst } from './doinst.js';
import { createSlackDesc } from './slack-desc.js';

const DOINST = 'install/doinst.sh';
const SLACK_DESC = 'install/slack-desc';

export interface ContentsInput {
  tree: string;
  name: string;
  description?: string;
  slackDescOverride?: string;
  doinstOverride?: string;
  configFiles: string[];
}

export interface SlackwareContents {
  /** The tree's entries, symlinks included, sorted. */
  entries: TreeEntry[];
  slackDesc: string;
  /** doinst.sh without symlink lines: what makepkg expects to find. */
  doinstHead: string;
  /** The complete doinst.sh the built-in writer archives. */
  doinst: string;
}

/**
 * Reads the tree and prepares install/slack-desc and install/doinst.sh. A
 * doinst.sh or slack-desc the tree already carries counts as supplied,
 * unless the settings override it.
 */
export async function collectContents(input: ContentsInput): Promise<SlackwareContents> {
  const entries = await scanTree(input.tree);
  refuseNewlines(entries, input.tree);

  const supplied = input.doinstOverride ?? await readOptional(input.tree, DOINST);
  const slackDesc = createSlackDesc(input.name, input.description,
    input.slackDescOverride ?? await readOptional(input.tree, SLACK_DESC));
  const doinstHead = createDoinstHead({ supplied, configFiles: input.configFiles });
  const symlinks = entries.filter((entry) => entry.kind === 'symlink');
  const doinst = joinDoinst(doinstHead, createSymlinkLines(symlinks));
  return { entries, slackDesc, doinstHead, doinst };
}

/**
 * What the built-in writer archives: no symlinks (doinst.sh makes them),
 * the generated install/ files in place of any the tree had.
 */
export function archiveEntries(contents: SlackwareContents): TreeEntry[] {
  const kept = contents.entries.filter((entry) => entry.kind !== 'symlink' &&
    entry.path !== DOINST && entry.path !== SLACK_DESC);
  const mtime = Math.max(0, ...contents.entries.map((entry) => entry.mtime));

  const added: TreeEntry[] = [generatedFile(SLACK_DESC, contents.slackDesc, mtime)];
  if (contents.doinst !== '') added.push(generatedFile(DOINST, contents.doinst, mtime));
  if (!kept.some((entry) => entry.path === 'install')) {
    added.push({ path: 'install', kind: 'directory', mode: 0o755, mtime, size: 0 });
  }
  return sortEntries([...kept, ...added]);
}

/** installpkg keeps file lists one name per line; a newline would split a name. */
function refuseNewlines(entries: TreeEntry[], tree: string): void {
  for (const entry of entries) {
    if (entry.path.includes('\n') || entry.linkTarget?.includes('\n')) {
      throw new PackageError(`${JSON.stringify(path.join(tree, entry.path))}: file names ` +
        'and symlink targets with a newline cannot be packaged for Slackware; rename it');
    }
  }
}

function generatedFile(file: string, text: string, mtime: number): TreeEntry {
  const content = Buffer.from(text);
  return { path: file, kind: 'file', mode: 0o644, mtime, size: content.length, content };
}

async function readOptional(tree: string, file: string): Promise<string | undefined> {
  return readFile(path.join(tree, file), 'utf8').catch(() => undefined);
}
