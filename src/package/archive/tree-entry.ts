/** One member of a package archive, read from an install tree or generated. */
export interface TreeEntry {
  /** Relative path without `./` and without a trailing `/`; `''` is the root. */
  path: string;
  kind: 'directory' | 'file' | 'symlink';
  /** Permission bits only (07777). */
  mode: number;
  /** Modification time in whole seconds. */
  mtime: number;
  size: number;
  /** Absolute file to read the contents from (kind `file`). */
  source?: string;
  /** Contents for generated files (`install/slack-desc`, `control`). */
  content?: Buffer;
  /** The link text (kind `symlink`). */
  linkTarget?: string;
  /** `dev:ino` for files with more than one link: archived as hard links. */
  inode?: string;
}

/** Byte-wise order of the UTF-8 paths, as `LC_COLLATE=C sort` orders them. */
export function compareEntryPaths(a: TreeEntry, b: TreeEntry): number {
  return Buffer.compare(Buffer.from(a.path), Buffer.from(b.path));
}

export function sortEntries(entries: TreeEntry[]): TreeEntry[] {
  return [...entries].sort(compareEntryPaths);
}
