import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MetadataError } from '../../src/core/errors.js';
import { indexScannedProjects, parseKdeProjectsXml } from '../../src/metadata/kde-projects-xml.js';
import { readProjectsFromTree } from '../../src/metadata/kde-projects-tree.js';
import { KDE_DATA, kdeFile, metadataErrorOf, readKdeFile } from './kde-data.js';

const XML_2015 = 'kde_projects-2015-12-27-wenzel-ba0a82a.xml';
const index2015 = parseKdeProjectsXml(readKdeFile(XML_2015), kdeFile(XML_2015));

function project(path: string) {
  const found = index2015.projects.get(path);
  if (!found) throw new Error(`${path} missing`);
  return found;
}

function parseError(text: string): MetadataError {
  return metadataErrorOf(() => parseKdeProjectsXml(text, 'broken.xml'));
}

describe('parseKdeProjectsXml on the 2015 projects.kde.org download', () => {
  it('reads every <repo> as one project, active or not', () => {
    const all = [...index2015.projects.values()];
    expect(all).toHaveLength(863);
    expect(all.filter((p) => p.active)).toHaveLength(735);
    expect(all.filter((p) => !p.active)).toHaveLength(128);
  });

  it('reads path, name, clone URLs, i18n branches and description', () => {
    const kcoreaddons = project('frameworks/kcoreaddons');
    expect(kcoreaddons).toMatchObject({
      path: 'frameworks/kcoreaddons',
      name: 'kcoreaddons',
      active: true,
      description: 'KCoreAddons',
      repositories: {
        git: 'git://anongit.kde.org/kcoreaddons',
        http: 'http://anongit.kde.org/kcoreaddons',
        ssh: 'git@git.kde.org:kcoreaddons',
      },
      branches: { trunk: 'none', stable: 'none', trunk_kf5: 'master', stable_kf5: 'none' },
    });
    expect(kcoreaddons.repositories.tarball).toBeUndefined();
    expect(kcoreaddons.source).toEqual({ file: kdeFile(XML_2015), line: 18728 });
  });

  it('reads a project nested in a project, inactive, skipping empty branches', () => {
    const pykde5 = project('kde/kdebindings/python/pykde5');
    expect(pykde5.name).toBe('pykde5');
    expect(pykde5.active).toBe(false);
    expect(pykde5.branches).toEqual({ trunk: 'none', stable: 'none' });
    expect(pykde5.description).toBe('Python bindings for KDE 5');
  });

  it('reads components that carry a repo themselves', () => {
    expect(project('qt').name).toBe('qt');
    expect(project('kde-build-metadata').repositories.git)
      .toBe('git://anongit.kde.org/kde-build-metadata');
  });

  it('decodes character references in descriptions', () => {
    const descriptions = [...index2015.projects.values()].map((p) => p.description ?? '');
    expect(descriptions.some((d) => /&#\d+;/.test(d))).toBe(false);
    expect(descriptions.some((d) => /[áéü]/.test(d))).toBe(true);
  });

  it('keeps document order, parents before nested projects', () => {
    const paths = [...index2015.projects.keys()];
    expect(paths[0]).toBe('kdereview/bodega-client');
    expect(paths.indexOf('kde/kdebindings/python')).toBeLessThan(
      paths.indexOf('kde/kdebindings/python/pykde5'));
  });
});

describe('parseKdeProjectsXml on the other real files', () => {
  it('lets the later of two projects with the same path win', () => {
    const file = 'kde_projects_stripped-2017-03-15-pangea-2a4a861.xml';
    const index = parseKdeProjectsXml(readKdeFile(file), file);
    expect(index.projects.size).toBe(123);
    const noStable = index.projects.get('kde/applications/no-stable');
    expect(noStable?.repositories.git).toBe('git://anongit.kde.org/no-i18n');
    expect(noStable?.branches.trunk_kf5).toBe('none');
  });

  it('finds no projects in a file without <repo> elements', () => {
    const file = 'kde_projects_advanced-releaseme-fixture-2015-01-12-4c40cfc.xml';
    expect(parseKdeProjectsXml(readKdeFile(file), file).projects.size).toBe(0);
  });

  it('agrees with the fast-xml-parser reading on every real file', () => {
    const files = readdirSync(KDE_DATA).filter((name) => name.endsWith('.xml'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const name of files) {
      const text = readKdeFile(name);
      const fromTree = indexScannedProjects(JSON.stringify(readProjectsFromTree(text, name)),
        name);
      const scanned = parseKdeProjectsXml(text, name);
      const strip = (index: typeof scanned) => [...index.projects.values()]
        .map(({ source: _source, ...rest }) => rest);
      expect(strip(scanned), name).toEqual(strip(fromTree));
    }
  });
});

describe('parseKdeProjectsXml on bad input', () => {
  it('reports a truncated file with the element left open', () => {
    const text = readKdeFile(XML_2015);
    const error = parseError(text.slice(0, text.length / 2));
    expect(error.location?.file).toBe('broken.xml');
    expect(error.location?.line).toBeGreaterThan(10_000);
    expect(error.message).toMatch(/expected .* \(is the file truncated\?\)/);
  });

  it('reports text that is not XML at line 1', () => {
    const error = parseError('this is not XML\n');
    expect(error.location).toMatchObject({ line: 1, column: 1 });
    expect(error.message).toContain('expected an XML element');
  });

  it('reports an empty file', () => {
    expect(parseError('').message).toContain('expected an XML root element');
  });

  it('reports a mismatched end tag with both tags and lines', () => {
    const error = parseError('<kdeprojects>\n  <project>\n  </module>\n</kdeprojects>\n');
    expect(error.location).toMatchObject({ line: 3, column: 3 });
    expect(error.message).toContain('expected </project> to close <project> from line 2');
    expect(error.message).toContain('found "</module>"');
  });

  it('reports a broken attribute and an unterminated comment', () => {
    expect(parseError('<a>\n<url protocol=git>x</url></a>').location)
      .toMatchObject({ line: 2, column: 5 });
    expect(parseError('<a><!-- never ends</a>').message).toContain('"-->" to end the comment');
  });

  it('reports a project without a path', () => {
    const error = parseError('<kdeprojects>\n<project><repo/></project>\n</kdeprojects>');
    expect(error.message).toContain('has a <repo> but no <path>');
    expect(error.location?.line).toBe(2);
  });
});

describe('parseKdeProjectsXml on hand-made XML', () => {
  it('handles single quotes, self-closing tags, comments, CDATA and entities', () => {
    const text = `<?xml version='1.0'?>
<!-- a comment -->
<kdeprojects version='1'>
  <module identifier='m'>
    <path>a/m</path>
    <description><![CDATA[Tom & Jerry <3]]> &amp; more</description>
    <icon/>
    <repo>
      <url protocol='https' access="read-only">https://example.org/m?a=1&amp;b=2</url>
      <branch i18n='trunk_kf5'>master</branch>
      <branch>feature</branch>
      <active>true</active>
    </repo>
  </module>
</kdeprojects>`;
    const m = parseKdeProjectsXml(text, 'hand.xml').projects.get('a/m');
    expect(m).toMatchObject({
      name: 'm',
      description: 'Tom & Jerry <3 & more',
      repositories: { https: 'https://example.org/m?a=1&b=2' },
      branches: { trunk_kf5: 'master' },
      active: true,
      source: { file: 'hand.xml', line: 4 },
    });
  });

  it('falls back to the full parser for documents with a DOCTYPE', () => {
    const text = `<!DOCTYPE kdeprojects [ <!ENTITY host "example.org"> ]>
<kdeprojects><project><path>x/y</path>
<repo><url protocol="https">https://&host;/y</url></repo></project></kdeprojects>`;
    const y = parseKdeProjectsXml(text, 'dtd.xml').projects.get('x/y');
    expect(y?.repositories.https).toBe('https://example.org/y');
  });
});
