import { describe, expect, it } from 'vitest';
import { kde2015Config, runKappy } from '../helpers/run-kappy.js';

describe('kappy build before anything is synced', () => {
  const cwd = kde2015Config();

  it('names what is missing from the cache and says to sync, building nothing', () => {
    const run = runKappy(['build', 'kcoreaddons'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('none of the selected projects is in the cache');
    expect(run.stderr).toContain('extra-cmake-modules, kcoreaddons');
    expect(run.stderr).toContain('kappy sync');
  });

  it('with --pretend, says per project that its checkout is missing', () => {
    const run = runKappy(['build', 'kcoreaddons', '--pretend'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('run `kappy sync extra-cmake-modules`');
    expect(run.stderr).toContain('it depends on kdesupport/extra-cmake-modules, which failed');
  });
});

describe('kappy package before anything is built', () => {
  const cwd = kde2015Config();

  it('skips each project with the command to run, and exits 1', () => {
    const run = runKappy(['package', '--distro', 'slackware', 'kcoreaddons',
      '--no-include-dependencies'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('skipped (1)');
    expect(run.stdout).toContain('not built: run `kappy build kcoreaddons`');
  });
});
