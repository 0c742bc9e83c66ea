/**
 * Network hiccups are worth retrying; a missing repository, bad credentials
 * or a missing branch will fail the same way every time. Permanent patterns
 * win, because git often follows a clear cause with a generic "hung up".
 */

const PERMANENT = [
  /repository not found/i,
  /does not appear to be a git repository/i,
  /not found in upstream/i,
  /couldn't find remote ref/i,
  /authentication failed/i,
  /permission denied/i,
  /could not read (username|password)/i,
  /terminal prompts disabled/i,
  /access denied/i,
  /not exported/i,
  // 429 (Too Many Requests, GitLab's rate limit) is the one 4xx worth a retry.
  /returned error: 4(?!29)\d\d/i,
  /transport '[^']*' not allowed/i,
  /unable to find remote helper/i,
  /host key verification failed/i,
];

const TRANSIENT = [
  /connection (was )?(reset|refused|timed out|closed)/i,
  /timed out/i,
  /timeout/i,
  /early eof/i,
  /the remote end hung up unexpectedly/i,
  /unexpected disconnect/i,
  /returned error: 5\d\d/i,
  /returned error: 429/i,
  /\bHTTP\/?\S* 5\d\d\b/i,
  /RPC failed/i,
  /failed to connect/i,
  /could not connect/i,
  /temporary failure in name resolution/i,
];

export function isTransientGitError(message: string): boolean {
  if (PERMANENT.some((pattern) => pattern.test(message))) return false;
  return TRANSIENT.some((pattern) => pattern.test(message));
}
