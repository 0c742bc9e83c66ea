import { describe, expect, it } from 'vitest';
import { MetadataError } from '../../src/core/errors.js';
import {
  parseLogicalModuleStructure,
  resolveBranchGroupBranch,
} from '../../src/metadata/logical-module-structure.js';
import { kdeFile, metadataErrorOf, readKdeFile } from './kde-data.js';

function load(name: string) {
  return parseLogicalModuleStructure(readKdeFile(name), kdeFile(name));
}

function parseError(text: string): MetadataError {
  return metadataErrorOf(() => parseLogicalModuleStructure(text, 'lms.json'));
}

describe('parseLogicalModuleStructure', () => {
  it('reads every group entry of the real 2015 and 2020 files', () => {
    expect(load('logical-module-structure-2015-12-24-9d23f20.json').groups.size).toBe(301);
    const groups2020 = load('logical-module-structure-2020-05-14-7477758.json');
    expect(groups2020.groups.size).toBe(375);
    expect(groups2020.groups.get('qt5')).toEqual(
      { 'kf5-qt5': '5.7', 'kf5-minimum': '5.4', 'stable-kf5-qt5': '5.6' });
  });

  it('reports bad JSON with line and column', () => {
    const error = parseError('{\n  "groups": {\n    "a": { "kf5-qt5": "master", }\n  }\n}\n');
    expect(error.location?.file).toBe('lms.json');
    expect(error.location?.line).toBe(3);
    expect(error.location?.column).toBeGreaterThan(20);
    expect(error.message).toContain('invalid JSON');
  });

  it('reports truncated JSON at the end of the file', () => {
    const error = parseError('{\n  "groups": {\n');
    expect(error.location?.line).toBe(3);
  });

  it('reports a wrong shape naming the key', () => {
    expect(parseError('{"version": 0}').message).toContain('"groups"');
    expect(parseError('{"groups": {"a/b": {"kf5-qt5": 5}}}').message)
      .toContain('groups.a/b.kf5-qt5 must be a branch name');
  });
});

describe('resolveBranchGroupBranch on the real 2015 file', () => {
  const groups = load('logical-module-structure-2015-12-24-9d23f20.json');
  const resolve = (path: string, group: string) => resolveBranchGroupBranch(groups, path, group);

  it('prefers the exact path', () => {
    expect(resolve('frameworks/kpeople', 'stable-qt4')).toBe('libkpeople-0.3');
  });

  it('then the longest matching prefix pattern', () => {
    expect(resolve('frameworks/kcoreaddons', 'kf5-qt5')).toBe('master');
    expect(resolve('kde/pim/kmail', 'kf5-qt5')).toBe('master');
    expect(resolve('kde/kdegraphics/okular', 'kf5-qt5')).toBe('frameworks');
    expect(resolve('kde/kdenetwork/ktp-common-internals', 'stable-qt4'))
      .toBe('kde-telepathy-0.9');
  });

  it('returns an empty branch for "not built in this branch group"', () => {
    expect(resolve('frameworks/kcoreaddons', 'stable-qt4')).toBe('');
    expect(resolve('kde/workspace/kwin', 'latest-qt4')).toBe('');
  });

  it('returns undefined when nothing mentions the project or the group', () => {
    expect(resolve('playground/games/unknown', 'kf5-qt5')).toBeUndefined();
    expect(resolve('kde/pim/kmail', 'kf5-minimum')).toBeUndefined();
  });
});

describe('resolveBranchGroupBranch on hand-made groups', () => {
  const groups = parseLogicalModuleStructure(JSON.stringify({
    groups: {
      '*': { g: 'fallback' },
      'a/*': { g: 'a-branch', other: 'x' },
      'a/b': { other: 'only-other' },
      'a/bc*': { g: 'bc-branch' },
    },
  }), 'hand.json');
  const resolve = (path: string) => resolveBranchGroupBranch(groups, path, 'g');

  it('falls through entries that do not name the group', () => {
    expect(resolve('a/b')).toBe('a-branch');
    expect(resolve('a/bcd')).toBe('bc-branch');
    expect(resolve('z/y')).toBe('fallback');
  });
});
