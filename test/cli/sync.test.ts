import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runKappy, tempDir, writeConfig } from '../helpers/run-kappy.js';

/** One project with a file:// remote, and a sync lock held by a live pid. */
function lockedWorkspace(): { root: string; lock: string } {
  const root = tempDir('kappy-sync-cli-');
  const env = { ...process.env, GIT_AUTHOR_NAME: 'K', GIT_AUTHOR_EMAIL: 'k@e.org',
    GIT_COMMITTER_NAME: 'K', GIT_COMMITTER_EMAIL: 'k@e.org' };
  const work = path.join(root, 'work');
  mkdirSync(work);
  execFileSync('git', ['init', '-q', '-b', 'master'], { cwd: work, env });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'one'], { cwd: work, env });
  execFileSync('git', ['clone', '-q', '--bare', work, path.join(root, 'a.git')], { env });
  writeFileSync(path.join(root, 'projects.xml'), `<kdeprojects version="1">
<project identifier="a"><path>test/a</path><repo>
<url protocol="file">file://${root}/a.git</url><active>true</active></repo></project>
</kdeprojects>\n`);
  writeConfig(`[metadata]\nprojects = "projects.xml"\nprotocols = ["file"]\n`, root);

  // The test runner is alive, so its pid holds the lock as another kappy would.
  mkdirSync(path.join(root, 'cache'));
  const lock = path.join(root, 'cache/.kappy-sync.lock');
  writeFileSync(lock, `${process.pid}\n`);
  return { root, lock };
}

describe('kappy sync while another sync holds the cache', () => {
  it('exits 1 naming the holder and --wait, touching nothing', () => {
    const { root } = lockedWorkspace();
    const run = runKappy(['sync', 'a'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`kappy sync (pid ${process.pid}) is already using the cache`);
    expect(run.stderr).toContain('--wait');
  });

  it('with --wait, queues behind it and syncs once it is released', async () => {
    const { root, lock } = lockedWorkspace();
    const child = spawn(process.execPath, [path.join(repoRoot, 'dist/bin/kappy.js'), 'sync',
      'a', '--wait'], { cwd: root, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(child.exitCode).toBeNull();
    rmSync(lock);

    expect(await exited).toBe(0);
    expect(execFileSync('git', ['-C', path.join(root, 'cache/test/a'), 'log', '--oneline'],
      { encoding: 'utf8' })).toContain('one');
  });
});
