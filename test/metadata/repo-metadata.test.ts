import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MetadataError } from '../../src/core/errors.js';
import { readRepoMetadata } from '../../src/metadata/repo-metadata.js';
import { resolveBranchGroupBranch } from '../../src/metadata/logical-module-structure.js';
import { KDE_DATA } from './kde-data.js';

const FIXTURE = path.join(KDE_DATA, 'kde-builder-synthetic-fixtures/repo-metadata');

let temp: string | undefined;
afterEach(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
  temp = undefined;
});

/** A throwaway repo-metadata checkout from a map of relative path -> text. */
async function makeCheckout(files: Record<string, string>): Promise<string> {
  temp = await mkdtemp(path.join(os.tmpdir(), 'kappy-repo-metadata-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(temp, name)), { recursive: true });
    await writeFile(path.join(temp, name), text);
  }
  return temp;
}

async function readError(dir: string): Promise<MetadataError> {
  const error: unknown = await readRepoMetadata(dir).catch((e: unknown) => e);
  if (error instanceof MetadataError) return error;
  throw new Error(`expected a MetadataError, got ${String(error)}`);
}

describe('readRepoMetadata on the kde-builder fixture', () => {
  it('reads projects, bare-name dependencies, empty branch groups and ignores', async () => {
    const metadata = await readRepoMetadata(FIXTURE);
    expect([...metadata.index.projects.keys()]).toEqual([
      'test/dolphin', 'test/elisa', 'test/juk', 'test/kcalc', 'test/kde-builder',
      'test/konsole',
    ]);
    expect(metadata.index.projects.get('test/juk')).toMatchObject({
      name: 'juk',
      kind: 'software',
      active: true,
      repositories: {
        https: 'https://invent.kde.org/test/juk.git',
        ssh: 'git@invent.kde.org:test/juk.git',
      },
    });
    expect(metadata.rules.map((r) => `${r.dependent}: ${r.source}`)).toEqual([
      'juk: kcalc', 'dolphin: konsole', 'kde-builder: juk', 'kde-builder: third-party/taglib',
    ]);
    expect(metadata.rules[0]?.file).toBe(path.join(FIXTURE, 'kde-dependencies/kde-dependencies'));
    expect(metadata.branchGroups.groups.size).toBe(0);
    expect(metadata.ignore).toEqual(['sdk/kde-ruleset']);
  });
});

describe('readRepoMetadata on the projects-invent layout', () => {
  it('reads nested metadata.yaml files with description and projectpath', async () => {
    const dir = await makeCheckout({
      'projects-invent/graphics/spectacle/metadata.yaml': [
        'description: Screenshot capture utility', 'identifier: spectacle',
        'projectpath: kde/kdegraphics/spectacle', 'repoactive: false',
        'repopath: graphics/spectacle', 'kind: software', '',
      ].join('\n'),
      'branch-groups.yaml': 'groups:\n  "graphics/*":\n    kf6-qt6: master\n    stable: ""\n',
    });
    const metadata = await readRepoMetadata(dir);
    expect(metadata.index.projects.get('graphics/spectacle')).toMatchObject({
      name: 'spectacle', active: false, legacyPath: 'kde/kdegraphics/spectacle',
      description: 'Screenshot capture utility',
    });
    expect(metadata.rules).toEqual([]);
    expect(metadata.ignore).toEqual([]);
    expect(resolveBranchGroupBranch(metadata.branchGroups, 'graphics/spectacle', 'kf6-qt6'))
      .toBe('master');
    expect(resolveBranchGroupBranch(metadata.branchGroups, 'graphics/spectacle', 'stable'))
      .toBe('');
  });

  it('reports broken YAML with the file and line', async () => {
    const dir = await makeCheckout({
      'projects-invent/a/b/metadata.yaml': 'identifier: b\nrepopath: [a/b\nkind: x\n',
    });
    const error = await readError(dir);
    expect(error.location?.file).toBe(path.join(dir, 'projects-invent/a/b/metadata.yaml'));
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toContain('invalid YAML');
  });

  it('reports a missing repopath and a bad repoactive naming the key', async () => {
    let dir = await makeCheckout({ 'projects-invent/a/metadata.yaml': 'identifier: a\n' });
    expect((await readError(dir)).message).toContain('missing "repopath"');
    await rm(dir, { recursive: true });

    dir = await makeCheckout({
      'projects-invent/a/metadata.yaml': 'repopath: x/a\nrepoactive: maybe\n',
    });
    const error = await readError(dir);
    expect(error.location?.key).toBe('repoactive');
    expect(error.message).toContain('"maybe"');
  });

  it('refuses a path that is not a directory', async () => {
    const dir = await makeCheckout({ 'file.xml': '<x/>' });
    const error = await readError(path.join(dir, 'file.xml'));
    expect(error.message).toContain('must be a directory');
  });

  it('reports a dependency line that does not parse, with its file', async () => {
    const dir = await makeCheckout({ 'kde-dependencies/deps': 'a: b\nbroken line\n' });
    const error = await readError(dir);
    expect(error.location).toMatchObject({ file: path.join(dir, 'kde-dependencies/deps'),
      line: 2 });
  });
});
