import path from 'node:path';

import type { TreeEntry } from '../archive/tree-entry.js';
import { quoteShellWord } from '../shell-quote.js';

/**
 * Defines `config` for `.new` configuration files: install the new file
 * when there is none yet, drop it when it matches the installed one, and
 * otherwise leave it next to the old one for the admin to merge.
 */
const CONFIG_FUNCTION = `config() {
  NEW="$1"
  OLD="\${NEW%.new}"
  if [ ! -r "$OLD" ]; then
    mv "$NEW" "$OLD"
  elif cmp -s "$OLD" "$NEW"; then
    rm "$NEW"
  fi
}
`;

export interface DoinstParts {
  /** Script text the project or recipe supplies; it may call `config`. */
  supplied?: string;
  /** `.new` files (relative paths) to hand to `config`. */
  configFiles: string[];
}

/**
 * The part of `install/doinst.sh` that precedes the symlink lines: the
 * `config` function and its calls, then the supplied script. Empty when
 * there is nothing to run.
 */
export function createDoinstHead(parts: DoinstParts): string {
  const sections: string[] = [];
  if (parts.configFiles.length > 0) {
    const calls = parts.configFiles.map((file) => `config ${quoteShellWord(file)}\n`);
    sections.push(CONFIG_FUNCTION + calls.join(''));
  }
  if (parts.supplied && parts.supplied.trim() !== '') {
    sections.push(parts.supplied.endsWith('\n') ? parts.supplied : `${parts.supplied}\n`);
  }
  return sections.join('\n');
}

/**
 * The two lines makepkg writes per symlink, in byte-wise path order:
 * remove whatever is in the way, then create the link. Every word is
 * quoted when it is not plain, so names like `$(touch x)` stay names.
 */
export function createSymlinkLines(symlinks: TreeEntry[]): string {
  return symlinks.map((link) => {
    const dir = quoteShellWord(path.posix.dirname(link.path));
    const name = quoteShellWord(safeOperand(path.posix.basename(link.path)));
    const target = link.linkTarget ?? '';
    // A link text starting with `-` would read as an option to ln.
    const ln = target.startsWith('-') ? 'ln -sf --' : 'ln -sf';
    const remove = `( cd ${dir} ; rm -rf ${name} )`;
    const create = `( cd ${dir} ; ${ln} ${quoteShellWord(target)} ${name} )`;
    return `${remove}\n${create}\n`;
  }).join('');
}

/** Appends the symlink lines to the head, as makepkg appends to a doinst.sh. */
export function joinDoinst(head: string, symlinkLines: string): string {
  if (head === '' || symlinkLines === '') return head + symlinkLines;
  return `${head}\n${symlinkLines}`;
}

/** A file name starting with `-` would read as an option to rm and ln. */
function safeOperand(name: string): string {
  return name.startsWith('-') ? `./${name}` : name;
}
