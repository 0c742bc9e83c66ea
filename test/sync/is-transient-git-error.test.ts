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
