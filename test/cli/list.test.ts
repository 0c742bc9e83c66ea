import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kde2015Config, kdeData, runKappy, tempDir, writeConfig } from '../helpers/run-kappy.js';

interface Listed {
  path: string;
  name: string;
  repository: string | null;
  branch: string | null;
  dependencies: string[];
}

function listJson(args: string[], cwd: string): Listed[] {
  const run = runKappy(['list', '--json', ...args], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Listed[];
}

describe('kappy list on real KDE metadata (2015 XML + kf5-qt5 dependency data)', () => {
  const cwd = kde2015Config();

  it('lists a framework after everything it needs, with URL and branch', () => {
    const listed = listJson(['kcoreaddons'], cwd);
    const paths = listed.map((p) => p.path);
    const last = listed.at(-1);

    expect(last?.path).toBe('frameworks/kcoreaddons');
    expect(last?.name).toBe('kcoreaddons');
    expect(last?.repository).toMatch(/kcoreaddons/);
    expect(last?.branch).toBe('master');
    expect(last?.dependencies).toContain('kdesupport/extra-cmake-modules');
    expect(paths.indexOf('kdesupport/extra-cmake-modules')).toBeLessThan(paths.length - 1);
  });

  it('keeps every project after its dependencies for --all', () => {
    const listed = listJson(['--all'], cwd);
    const position = new Map(listed.map((p, i) => [p.path, i]));

    expect(listed.length).toBeGreaterThan(300);
    for (const project of listed) {
      for (const dep of project.dependencies) {
        expect(position.get(dep), `${dep} before ${project.path}`)
          .toBeLessThan(position.get(project.path) ?? -1);
      }
    }
  });

  it('leaves dependencies out with --no-include-dependencies', () => {
    const listed = listJson(['kcoreaddons', '--no-include-dependencies'], cwd);
    expect(listed.map((p) => p.path)).toEqual(['frameworks/kcoreaddons']);
  });

  it('lets --ignore win over inclusion', () => {
    const listed = listJson(['kcoreaddons', '--ignore', 'extra-cmake-modules'], cwd);
    expect(listed.map((p) => p.path)).not.toContain('kdesupport/extra-cmake-modules');
  });

  it('selects everything below a path with path/*', () => {
    const listed = listJson(['frameworks/*', '--no-include-dependencies'], cwd);
    expect(listed.length).toBeGreaterThan(50);
    expect(listed.every((p) => p.path.startsWith('frameworks/'))).toBe(true);
  });

  it('selects a shipped recipe by name', () => {
    const listed = listJson(['frameworks'], cwd);
    expect(listed.map((p) => p.path)).toContain('frameworks/kio');
  });

  it('refuses an unknown selector with exit 2 and names it', () => {
    const run = runKappy(['list', 'kcoreadons'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'kcoreadons'");
    expect(run.stderr).toContain('kcoreaddons');
  });

  it('asks for a selection when given none', () => {
    const run = runKappy(['list'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--all/);
  });
});

describe('kappy list on bad input', () => {
  it('names file and line of a truncated XML and writes nothing to the cache', () => {
    const dir = tempDir();
    const xml = readFileSync(`${kdeData}/kde_projects_stripped-2017-03-14-pangea-4d7bdfe.xml`,
      'utf8');
    writeFileSync(path.join(dir, 'projects.xml'), xml.slice(0, xml.length / 2));
    writeConfig(`[metadata]\nprojects = "projects.xml"\n`, dir);

    const run = runKappy(['list', '--all'], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/projects\.xml:\d+/);
    const cache = path.join(dir, 'cache');
    expect(!existsSync(cache) || readdirSync(cache).length === 0).toBe(true);
  });

  it('names file, line and key of an unknown config key', () => {
    const dir = writeConfig(`[metadata]\nprojects = "x.xml"\n\n[paths]\ncahce = "c"\n`);
    const run = runKappy(['list', '--all'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/kappy\.toml:5/);
    expect(run.stderr).toContain('cahce');
  });

  it('names file and line of a dependency line that does not parse', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deps'), '# deps\nframeworks/kio frameworks/kcoreaddons\n');
    writeConfig(`[metadata]\nprojects = "${kdeData}/kde_projects_stripped-2017-03-14-` +
      `pangea-4d7bdfe.xml"\ndependencies = ["deps"]\n`, dir);
    const run = runKappy(['list', 'kio'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/deps:2/);
  });

  it('prints the whole cycle and exits 2', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deps'), [
      'frameworks/kcoreaddons: frameworks/kconfig',
      'frameworks/kconfig: frameworks/ki18n',
      'frameworks/ki18n: frameworks/kcoreaddons', ''].join('\n'));
    writeConfig(`[metadata]\nprojects = "${kdeData}/kde_projects_stripped-2017-03-14-` +
      `pangea-4d7bdfe.xml"\ndependencies = ["deps"]\n`, dir);
    const run = runKappy(['list', 'kcoreaddons'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'frameworks/kconfig → frameworks/ki18n → frameworks/kcoreaddons → frameworks/kconfig');
  });

  it('names a missing metadata file', () => {
    const dir = writeConfig(`[metadata]\nprojects = "nowhere.xml"\n`);
    const run = runKappy(['list', '--all'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nowhere.xml');
  });
});
