import { describe, expect, it } from 'vitest';

import { isTransientGitError } from '../../src/sync/is-transient-git-error.js';

describe('isTransientGitError', () => {
  it.each([
    'fatal: unable to access \'https://x/\': Connection reset by peer',
    'fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused',
    'fatal: unable to access \'https://x/\': Operation timed out after 30000 milliseconds',
    'fetch-pack: unexpected disconnect while reading sideband packet\nfatal: early EOF',
    'fatal: the remote end hung up unexpectedly',
    'fatal: unable to access \'https://x/\': The requested URL returned error: 502',
    'error: RPC failed; HTTP 503 curl 22 The requested URL returned error: 503',
  ])('retries %j', (message) => {
    expect(isTransientGitError(message)).toBe(true);
  });

  it.each([
    'remote: Repository not found.\nfatal: repository \'https://x/y.git/\' not found',
    'fatal: \'/nonexistent\' does not appear to be a git repository',
    'fatal: Authentication failed for \'https://x/\'',
    'fatal: could not read Username for \'https://x\': terminal prompts disabled',
    'warning: Could not find remote branch kf7 to clone.\n' +
      'fatal: Remote branch kf7 not found in upstream origin',
    'fatal: remote error: access denied or repository not exported: /x.git\n' +
      'fatal: the remote end hung up unexpectedly',
    'fatal: unable to access \'https://x/\': The requested URL returned error: 403',
  ])('does not retry %j', (message) => {
    expect(isTransientGitError(message)).toBe(false);
  });
});

describe('isTransientGitError, the other patterns', () => {
  it.each([
    'ssh: connect to host invent.kde.org port 22: Connection timed out',
    'fatal: unable to access \'https://x/\': Failed to connect to x port 443: Timeout',
    'fatal: unable to access \'https://x/\': Could not connect to server',
    'fatal: unable to access \'https://x/\': Temporary failure in name resolution',
    'fatal: unable to access \'https://x/\': Connection closed abruptly',
    'fatal: unable to access \'https://x/\': Failed to connect to x port 443: Connection refused',
    'error: RPC failed; curl 18 transfer closed with outstanding read data remaining',
    'HTTP/1.1 503 Service Unavailable',
    'error: unexpected HTTP/2 502 from https://x/',
  ])('retries %j', (message) => {
    expect(isTransientGitError(message)).toBe(true);
  });

  it.each([
    '',
    'fatal: not a git repository (or any of the parent directories): .git',
    'error: pathspec \'x\' did not match any file(s) known to git',
    'git@invent.kde.org: Permission denied (publickey).\r\n' +
      'fatal: Could not read from remote repository.',
    'Host key verification failed.\nfatal: the remote end hung up unexpectedly',
    'fatal: couldn\'t find remote ref refs/heads/kf7',
    'fatal: transport \'ext\' not allowed',
    'git: \'remote-foo\' is not a git command.\nfatal: unable to find remote helper for \'foo\'',
    'fatal: unable to access \'https://x/\': The requested URL returned error: 404',
    'fatal: could not read Password for \'https://x\': terminal prompts disabled',
  ])('does not retry %j', (message) => {
    expect(isTransientGitError(message)).toBe(false);
  });

  // Rate limiting is the one 4xx that asks to be retried (GitLab, and so
  // invent.kde.org, answers 429 with Retry-After); every other 4xx is permanent.
  it('retries HTTP 429 Too Many Requests', () => {
    const message = 'fatal: unable to access \'https://invent.kde.org/frameworks/kio.git/\': ' +
      'The requested URL returned error: 429';
    expect(isTransientGitError(message)).toBe(true);
  });

  it('lets a permanent cause win over a timeout that follows it', () => {
    expect(isTransientGitError('fatal: Authentication failed\nConnection timed out')).toBe(false);
  });
});
