import { describe, expect, it } from 'vitest';
import { kde2015Config, runKappy } from '../helpers/run-kappy.js';

describe('kappy deps and info', () => {
  const cwd = kde2015Config();

  it('shows what a project needs and what needs it', () => {
    const run = runKappy(['deps', 'kcoreaddons', '--json'], { cwd });
    expect(run.code).toBe(0);
    const deps = JSON.parse(run.stdout) as { path: string; dependencies: string[];
      dependents: string[] };
    expect(deps.path).toBe('frameworks/kcoreaddons');
    expect(deps.dependencies).toContain('kdesupport/extra-cmake-modules');
    expect(deps.dependents).toContain('frameworks/kconfigwidgets');
  });

  it('prints a Graphviz graph with --dot', () => {
    const run = runKappy(['deps', 'kconfigwidgets', '--dot'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^digraph dependencies \{/);
    expect(run.stdout).toContain('"frameworks/kconfigwidgets" -> "frameworks/kconfig";');
  });

  it('prints an indented tree with --tree', () => {
    const run = runKappy(['deps', 'kconfigwidgets', '--tree'], { cwd });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('frameworks/kconfigwidgets');
    expect(lines).toContain('  frameworks/kconfig');
  });

  it('tells everything about one project', () => {
    const run = runKappy(['info', 'kcoreaddons', '--json'], { cwd });
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(info['path']).toBe('frameworks/kcoreaddons');
    expect(info['branch']).toBe('master');
    expect(info['description']).toBeTruthy();
    expect(Object.keys(info['repositories'] as object).length).toBeGreaterThan(0);
  });

  it('prints readable text for people', () => {
    const info = runKappy(['info', 'kcoreaddons'], { cwd });
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/^branch +master$/m);
    expect(info.stdout).toMatch(/^dependencies +Qt5, kdesupport\/extra-cmake-modules$/m);
    expect(info.stdout).not.toMatch(/[{}]|null/);

    const deps = runKappy(['deps', 'kcoreaddons'], { cwd });
    expect(deps.stdout).toContain('needs:     Qt5 (external), kdesupport/extra-cmake-modules');
  });

  it('refuses a selector matching several projects for info', () => {
    const run = runKappy(['info', 'frameworks/*'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/matches \d+ projects/);
  });
});
