import { createServer } from 'node:http';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetadataError } from '../../src/core/errors.js';
import { loadMetadata } from '../../src/metadata/load-metadata.js';
import { DEPS_KF5_2015, KDE_DATA, XML_2015, kdeFile } from './kde-data.js';

let temp: string;
let cacheDir: string;

beforeEach(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'kappy-load-'));
  cacheDir = path.join(temp, 'cache');
});

afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

async function parsedCacheFiles(): Promise<string[]> {
  const names = await readdir(path.join(cacheDir, 'metadata')).catch(() => []);
  return names.filter((name) => name.startsWith('parsed-'));
}

const SMALL_XML = (description: string) => `<kdeprojects>
  <module><path>a/one</path><description>${description}</description>
    <repo><url protocol="https">https://example.org/one</url></repo></module>
  <module><path>test/juk</path><repo><active>false</active></repo></module>
</kdeprojects>
`;

describe('loadMetadata on the 2015 pair', () => {
  it('reads the projects and the rules', async () => {
    const metadata = await loadMetadata(
      { projects: XML_2015, dependencies: [DEPS_KF5_2015] }, { cacheDir });
    expect(metadata.index.projects.size).toBe(863);
    expect(metadata.rules).toHaveLength(1299);
    expect(metadata.branchGroups).toBeUndefined();
    expect(metadata.ignore).toEqual([]);
  });

  it('gives the same index from the warm cache', async () => {
    const sources = { projects: XML_2015, dependencies: [] };
    const cold = await loadMetadata(sources, { cacheDir });
    expect(await parsedCacheFiles()).toHaveLength(1);
    const warm = await loadMetadata(sources, { cacheDir });
    expect([...warm.index.projects.entries()]).toEqual([...cold.index.projects.entries()]);
  });
});

describe('loadMetadata warm cache', () => {
  it('reuses the parsed copy until the XML changes, then parses again', async () => {
    const xml = path.join(temp, 'kde_projects.xml');
    await writeFile(xml, SMALL_XML('first'));
    const sources = { projects: xml, dependencies: [] };
    await loadMetadata(sources, { cacheDir });

    // Prove the second run reads the cache: mark the cached copy.
    const [cacheName] = await parsedCacheFiles();
    const cacheFile = path.join(cacheDir, 'metadata', cacheName ?? '');
    await writeFile(cacheFile, (await readFile(cacheFile, 'utf8')).replace('first', 'cached'));
    const warm = await loadMetadata(sources, { cacheDir });
    expect(warm.index.projects.get('a/one')?.description).toBe('cached');

    await writeFile(xml, SMALL_XML('second'));
    const changed = await loadMetadata(sources, { cacheDir });
    expect(changed.index.projects.get('a/one')?.description).toBe('second');
    expect(await parsedCacheFiles()).toHaveLength(1);
  });

  it('ignores a corrupt cache file', async () => {
    const xml = path.join(temp, 'kde_projects.xml');
    await writeFile(xml, SMALL_XML('first'));
    await loadMetadata({ projects: xml, dependencies: [] }, { cacheDir });
    const [cacheName] = await parsedCacheFiles();
    await writeFile(path.join(cacheDir, 'metadata', cacheName ?? ''), '{"trunc');
    const again = await loadMetadata({ projects: xml, dependencies: [] }, { cacheDir });
    expect(again.index.projects.get('a/one')?.description).toBe('first');
  });

  it('still works when the cache cannot be written', async () => {
    const blocker = path.join(temp, 'not-a-directory');
    await writeFile(blocker, '');
    const metadata = await loadMetadata({ projects: kdeFile(
      'kde_projects-l10n-fixture-2017-03-03-pangea-81b706b.xml'), dependencies: [] },
    { cacheDir: blocker });
    expect(metadata.index.projects.size).toBe(3);
  });

  it('writes nothing to the cache for a truncated XML file', async () => {
    const xml = path.join(temp, 'kde_projects.xml');
    const text = await readFile(XML_2015, 'utf8');
    await writeFile(xml, text.slice(0, 100_000));
    const error: unknown = await loadMetadata({ projects: xml, dependencies: [] }, { cacheDir })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetadataError);
    expect((error as MetadataError).location?.file).toBe(xml);
    expect(await parsedCacheFiles()).toEqual([]);
  });
});

describe('loadMetadata merging sources', () => {
  it('merges XML and repo-metadata, concatenates rules, groups and ignores', async () => {
    const xml = path.join(temp, 'kde_projects.xml');
    await writeFile(xml, SMALL_XML('one'));
    const repo = path.join(temp, 'repo-metadata');
    await mkdir(repo);
    const fixture = path.join(KDE_DATA, 'kde-builder-synthetic-fixtures/repo-metadata');
    for (const name of ['projects', 'kde-dependencies', 'branch-groups.yaml',
      'ignore-kde-projects']) {
      await copyTree(path.join(fixture, name), path.join(repo, name));
    }
    const ignore = path.join(temp, 'ignore');
    await writeFile(ignore, 'a/one\n');

    const metadata = await loadMetadata({
      projects: xml,
      repoMetadata: repo,
      dependencies: [DEPS_KF5_2015],
      branchGroups: kdeFile('logical-module-structure-2015-12-24-9d23f20.json'),
      ignore,
    }, { cacheDir });

    expect(metadata.index.projects.size).toBe(7);
    const juk = metadata.index.projects.get('test/juk');
    expect(juk?.active).toBe(true);
    expect(juk?.repositories.https).toBe('https://invent.kde.org/test/juk.git');
    expect(metadata.rules).toHaveLength(1299 + 4);
    expect(metadata.rules.at(-1)?.source).toBe('third-party/taglib');
    expect(metadata.branchGroups?.groups.size).toBe(301);
    expect(metadata.ignore).toEqual(['a/one', 'sdk/kde-ruleset']);
  });
});

describe('loadMetadata with a URL source', () => {
  it('removes a download that does not parse, so the next run fetches again', async () => {
    let hits = 0;
    const server = createServer((_request, response) => {
      hits++;
      response.end('a b c\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deps`;
    try {
      for (let i = 0; i < 2; i++) {
        const error: unknown = await loadMetadata({ dependencies: [url] }, { cacheDir })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MetadataError);
      }
      expect(hits).toBe(2);
      expect(await readdir(path.join(cacheDir, 'metadata'))).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

async function copyTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { withFileTypes: true }).catch(() => undefined);
  if (!entries) {
    await copyFile(from, to);
    return;
  }
  await mkdir(to, { recursive: true });
  for (const entry of entries) {
    await copyTree(path.join(from, entry.name), path.join(to, entry.name));
  }
}
