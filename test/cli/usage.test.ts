import { describe, expect, it } from 'vitest';
import { runKappy, tempDir } from '../helpers/run-kappy.js';

describe('kappy usage', () => {
  const cwd = tempDir();

  it('prints help for every command', () => {
    for (const command of ['list', 'deps', 'info', 'sync', 'build', 'package']) {
      const run = runKappy([command, '--help'], { cwd });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`kappy ${command}`);
    }
  });

  it('exits 2 with a hint on an unknown command or option', () => {
    const unknown = runKappy(['lsit'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('list');

    const option = runKappy(['list', '--bogus'], { cwd });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('bogus');
  });

  it('refuses a --jobs that is not a positive integer', () => {
    const run = runKappy(['build', '--all', '--jobs', '0'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/jobs/);
  });

  it('exits 2 when --config names a missing file', () => {
    const run = runKappy(['list', '--all', '--config', 'nope.toml'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.toml');
  });

  it('says how to configure metadata when there is none', () => {
    const run = runKappy(['list', '--all'], { cwd, env: { XDG_CONFIG_HOME: cwd } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no project metadata configured');
  });
});
