import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MetadataError } from '../../src/core/errors.js';
import { parseDependencyData } from '../../src/metadata/dependency-data.js';
import { KDE_DATA, kdeFile, metadataErrorOf, readKdeFile } from './kde-data.js';

function read(name: string) {
  return parseDependencyData(readKdeFile(name), kdeFile(name));
}

function parseError(text: string): MetadataError {
  return metadataErrorOf(() => parseDependencyData(text, 'deps'));
}

describe('parseDependencyData on the real kde-build-metadata files', () => {
  // Dependency lines per file, counted independently (SOURCES.md).
  const expected: Record<string, number> = {
    'dependency-data-2020-05-14-7477758': 341,
    'dependency-data-common-2015-12-24-9d23f20': 42,
    'dependency-data-common-2020-05-14-7477758': 16,
    'dependency-data-kf5-minimum-2015-12-24-9d23f20': 1036,
    'dependency-data-kf5-qt5-2015-12-24-9d23f20': 1299,
    'dependency-data-kf5-qt5-2020-05-14-7477758': 1204,
    'dependency-data-kf5-qt5-generated-from-kde-ci-yml-kde-yyds-04c3a19': 4691,
    'dependency-data-stable-kf5-qt5-2020-05-14-7477758': 1191,
  };

  it('parses every file, one rule per dependency line', () => {
    const files = readdirSync(KDE_DATA).filter((name) => name.startsWith('dependency-data'));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    for (const name of files) expect(read(name), name).toHaveLength(expected[name] ?? -1);
  });

  it('reads a wildcard, a negation and a third-party source (2020 kf5-qt5)', () => {
    const rules = read('dependency-data-kf5-qt5-2020-05-14-7477758');
    const file = kdeFile('dependency-data-kf5-qt5-2020-05-14-7477758');
    expect(rules.find((r) => r.line === 16)).toEqual(
      { dependent: '*', source: 'third-party/Qt5', negated: false, file, line: 16 });
    expect(rules.find((r) => r.line === 22)).toMatchObject(
      { dependent: 'third-party/Qt5', source: 'frameworks/extra-cmake-modules', negated: true });
    expect(rules.find((r) => r.line === 1209)).toMatchObject(
      { dependent: 'kde/kdenetwork/ktp*', source: 'kde/kdenetwork/ktp-common-internals' });
  });

  it('drops a trailing comment (2015 kf5-qt5 L135)', () => {
    const rule = read('dependency-data-kf5-qt5-2015-12-24-9d23f20').find((r) => r.line === 135);
    expect(rule).toMatchObject({
      dependent: 'frameworks/knotifyconfig', source: 'frameworks/knotifications',
      negated: false,
    });
  });

  it('reads branch qualifiers on both sides (2020 qt4 list)', () => {
    const rules = read('dependency-data-2020-05-14-7477758');
    expect(rules.find((r) => r.line === 22)).toMatchObject(
      { dependent: '*', source: 'kdesupport/automoc', sourceBranch: 'master' });
    expect(rules.find((r) => r.line === 403)).toMatchObject({
      dependent: 'extragear/sdk/plasma-sdk', dependentBranch: 'KDE4',
      source: 'kde/kdepimlibs',
    });
    expect(rules.find((r) => r.line === 403)?.sourceBranch).toBeUndefined();
  });

  it('reads bare names on both sides (2015 kf5-qt5 L16, L1275)', () => {
    const rules = read('dependency-data-kf5-qt5-2015-12-24-9d23f20');
    expect(rules.find((r) => r.line === 16)).toMatchObject(
      { dependent: '*', source: 'Qt5', sourceBranch: 'stable' });
    expect(rules.find((r) => r.line === 1275)).toMatchObject(
      { dependent: 'calligra', source: 'frameworks/kf5umbrella' });
  });
});

describe('parseDependencyData on hand-made text', () => {
  it('skips blanks and comments, accepts CRLF and loose spacing', () => {
    const text = '# header\r\n\r\n  a/b :c/d  # why\r\n\ta[x]:-e[y]\n#:\n';
    expect(parseDependencyData(text, 'f')).toEqual([
      { dependent: 'a/b', source: 'c/d', negated: false, file: 'f', line: 3 },
      { dependent: 'a', dependentBranch: 'x', source: 'e', sourceBranch: 'y', negated: true,
        file: 'f', line: 4 },
    ]);
  });

  it('reports a missing colon with file, line and column', () => {
    const error = parseError('a: b\nframeworks/kio frameworks/kcoreaddons\n');
    expect(error.location).toEqual({ file: 'deps', line: 2, column: 16 });
    expect(error.message).toContain('expected ":" after the dependent project');
    expect(error.message).toContain('"frameworks/kio frameworks/kcoreaddons"');
  });

  it('reports a missing source, an unclosed branch, extra words and a pattern source', () => {
    expect(parseError('a:\n').message).toContain('expected the project it depends on');
    expect(parseError('a[master: b\n').message).toContain('expected "]" to close the branch');
    expect(parseError('a: b c\n').location?.column).toBe(6);
    expect(parseError('a: b c\n').message).toContain('one dependency per line');
    expect(parseError('a: frameworks/*\n').location?.column).toBe(4);
  });
});
