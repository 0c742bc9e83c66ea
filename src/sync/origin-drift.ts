/**
 * Whether a checkout's `origin` still names the repository the metadata
 * names. Protocol and user do not count (a developer who cloned over ssh to
 * push is fine); a different host or path does (KDE moved from
 * anongit.kde.org to invent.kde.org, and projects move between groups).
 *
 * kappy reports drift and leaves `origin` alone: rewriting it could undo a
 * developer's own choice of remote.
 */
export function describeOriginDrift(origin: string, planned: string): string | undefined {
  const from = repositoryIdentity(origin);
  const to = repositoryIdentity(planned);
  if (from === undefined || to === undefined || from === to) return undefined;
  return `origin is ${origin} but the metadata says ${planned}; to follow it: ` +
    `git remote set-url origin ${planned}`;
}

/** `host/path` without user, port, protocol or `.git`; undefined for local paths. */
export function repositoryIdentity(url: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:]*)(?::\d+)?\/+(.*)$/i.exec(url);
  const scpLike = /^(?:[^@/:]+@)?([^/:]+):(?!\/)(.*)$/.exec(url);
  const match = withScheme ?? scpLike;
  if (!match) return undefined;
  const host = (match[1] ?? '').toLowerCase();
  const repoPath = (match[2] ?? '').replace(/\/+$/, '').replace(/\.git$/, '');
  return `${host}/${repoPath}`;
}
