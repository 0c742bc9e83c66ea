// Turns one example project into a bare git repository with a small,
// reproducible history: an initial import at the previous version, then a
// version bump tagged v<version>. Fixed identities and dates make the commit
// ids the same on every machine, so a second setup finds nothing to do.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const IDENTITY = {
  name: 'KDemo Release Team',
  email: 'release-team@kdemo.example.org',
};

/** 2024-03-01 10:00 UTC; each project and commit gets its own hour after it. */
const FIRST_DATE = 1709287200;

/** Change when the history written below changes, so old remotes are replaced. */
const HISTORY_FORMAT = 1;

/**
 * Creates `remote` unless it already holds this history, and replaces it when
 * it holds another one (the sources in demo/projects changed). Commits added
 * on top of the tagged release are kept.
 *
 * @param {import('./catalog.mjs').DemoProject} project
 * @param {string} sourceDir  demo/projects/<source>
 * @param {string} remote     <root>/remotes/<path>.git
 * @param {number} index      position in the catalog, spreads the dates
 * @returns {{ commit: string, status: 'created' | 'unchanged' | 'replaced' }}
 */
export function ensureRemote(project, sourceDir, remote, index) {
  const files = listFiles(sourceDir);
  const stamp = fingerprint(project, sourceDir, files, index);

  // The stamp saves rewriting the history just to learn its commit id.
  const released = releaseOnMaster(remote, project);
  if (released && stampOf(remote) === stamp) {
    return { commit: released, status: 'unchanged' };
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kdemo-history-'));
  try {
    const date = FIRST_DATE + index * 3 * 3600;
    const commit = writeHistory(project, sourceDir, files, work, date);
    if (released === commit) {
      gitIn(remote, ['config', 'kdemo.source', stamp]);
      return { commit, status: 'unchanged' };
    }

    const existed = fs.existsSync(remote);
    publish(work, remote, stamp);
    return { commit, status: existed ? 'replaced' : 'created' };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Two commits in a fresh repository at `work`; returns the tagged commit. */
function writeHistory(project, sourceDir, files, work, date) {
  git(work, date, ['-c', 'init.defaultBranch=master', 'init', '-q']);

  // Only the top-level CMakeLists.txt holds the project() version.
  copyFiles(sourceDir, work, files, (file, text) =>
    file === 'CMakeLists.txt' ? withVersion(text, project) : text,
  );
  git(work, date, ['add', '-A']);
  git(work, date, ['commit', '-q', '-m', `Initial import of ${project.title}`]);

  copyFiles(sourceDir, work, files, (_name, text) => text);
  git(work, date + 3600, ['add', '-A']);
  git(work, date + 3600, ['commit', '-q', '-m', `Bump version to ${project.version}`]);
  const message = `${project.title} ${project.version}`;
  git(work, date + 3600, ['tag', '-a', `v${project.version}`, '-m', message]);

  return git(work, date, ['rev-parse', 'HEAD']);
}

/** The CMakeLists.txt of the initial import: the previous version. */
function withVersion(text, project) {
  const pattern = /(project\(\s*\S+\s+VERSION\s+)(\d+\.\d+\.\d+)/;
  const found = pattern.exec(text);
  if (found?.[2] !== project.version) {
    throw new Error(
      `demo/projects/${project.source}/CMakeLists.txt: project() version is ` +
        `'${found?.[2] ?? 'missing'}', demo/catalog.mjs says '${project.version}'`,
    );
  }
  return text.replace(pattern, `$1${project.previous}`);
}

/** Relative paths of the sources, sorted; dot files and build folders left out. */
function listFiles(dir, prefix = '') {
  const entries = fs.readdirSync(path.join(dir, prefix), { withFileTypes: true });
  const files = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name.startsWith('build')) continue;
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(dir, relative));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

/** Writes every file with mode 0644, so the tree ids do not depend on umask. */
function copyFiles(from, to, files, transform) {
  for (const file of files) {
    const target = path.join(to, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const text = fs.readFileSync(path.join(from, file), 'utf8');
    fs.writeFileSync(target, transform(file, text));
    fs.chmodSync(target, 0o644);
  }
}

/** Everything the history depends on: sources, catalog entry, dates, format. */
function fingerprint(project, sourceDir, files, index) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ HISTORY_FORMAT, index, project, files }));
  for (const file of files) hash.update(fs.readFileSync(path.join(sourceDir, file)));
  return hash.digest('hex');
}

/** The commit of the release tag when master contains it; else undefined. */
function releaseOnMaster(remote, project) {
  if (!fs.existsSync(path.join(remote, 'HEAD'))) return undefined;
  try {
    const tag = `v${project.version}^{commit}`;
    const commit = gitIn(remote, ['rev-parse', '--verify', '-q', tag]);
    gitIn(remote, ['merge-base', '--is-ancestor', commit, 'refs/heads/master']);
    return commit;
  } catch {
    return undefined;
  }
}

/** The fingerprint of the sources `remote` was written from, if recorded. */
function stampOf(remote) {
  try {
    return gitIn(remote, ['config', '--get', 'kdemo.source']);
  } catch {
    return undefined;
  }
}

/** Pushes the history into a new bare repository, renamed into place whole. */
function publish(work, remote, stamp) {
  const partial = `${remote}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(remote), { recursive: true });

  git(work, 0, ['-c', 'init.defaultBranch=master', 'init', '-q', '--bare', partial]);
  const refs = ['refs/heads/master:refs/heads/master', 'refs/tags/*'];
  git(work, 0, ['push', '-q', partial, ...refs]);
  gitIn(partial, ['config', 'kdemo.source', stamp]);

  const stale = `${remote}.stale-${process.pid}`;
  if (fs.existsSync(remote)) fs.renameSync(remote, stale);
  fs.renameSync(partial, remote);
  fs.rmSync(stale, { recursive: true, force: true });
}

/** Runs git on a bare repository, never on one found in a parent folder. */
function gitIn(repository, args) {
  return git(os.tmpdir(), 0, ['--git-dir', repository, ...args]);
}

/** Runs git without the user's config or any inherited GIT_* variable. */
function git(cwd, date, args) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')),
  );
  const stamp = `@${date} +0000`;
  Object.assign(env, {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: IDENTITY.name,
    GIT_AUTHOR_EMAIL: IDENTITY.email,
    GIT_AUTHOR_DATE: stamp,
    GIT_COMMITTER_NAME: IDENTITY.name,
    GIT_COMMITTER_EMAIL: IDENTITY.email,
    GIT_COMMITTER_DATE: stamp,
  });

  try {
    const stdio = ['ignore', 'pipe', 'pipe'];
    return execFileSync('git', args, { cwd, env, stdio }).toString().trim();
  } catch (error) {
    const stderr = error.stderr?.toString().trim() ?? '';
    const reason = stderr || error.message;
    throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${reason}`);
  }
}
