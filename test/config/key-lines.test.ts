import { describe, expect, it } from 'vitest';

import { findKeyLines } from '../../src/config/key-lines.js';

const TEXT = `# a comment with key = "value"
top = 1

[metadata]
projects = "kde_projects.xml"   # trailing comment
dependencies = [
  "a",  # [not.a.header]
  "b",
]

[project."frameworks/*"]
description = """
[fake]
fake = 1
"""
cmake-options = ['-DX=1']
env = { CC = "gcc",
  CXX = "g++" }

[project.'kde/workspace/kwin'.package.slackware]
tag = "_kappy"
"quoted key" = 2
dotted.inner = 3
`;

describe('findKeyLines', () => {
  const lines = findKeyLines(TEXT);

  it('finds top-level keys, headers and keys in tables', () => {
    expect(lines.lineOf(['top'])).toBe(2);
    expect(lines.lineOf(['metadata'])).toBe(4);
    expect(lines.lineOf(['metadata', 'projects'])).toBe(5);
    expect(lines.lineOf(['metadata', 'dependencies'])).toBe(6);
  });

  it('is not fooled by comments, arrays or multi-line strings', () => {
    expect(lines.lineOf(['not'])).toBeUndefined();
    expect(lines.lineOf(['fake'])).toBeUndefined();
    expect(lines.lineOf(['project', 'frameworks/*', 'cmake-options'])).toBe(16);
  });

  it('finds keys inside inline tables', () => {
    expect(lines.lineOf(['project', 'frameworks/*', 'env', 'CXX'])).toBe(18);
  });

  it('decodes quoted and dotted keys', () => {
    const table = ['project', 'kde/workspace/kwin', 'package', 'slackware'];
    expect(lines.lineOf(table)).toBe(20);
    expect(lines.lineOf([...table, 'quoted key'])).toBe(22);
    expect(lines.lineOf([...table, 'dotted', 'inner'])).toBe(23);
  });

  it('falls back to the first child of an implicit table, then to the ancestor', () => {
    expect(lines.lineOf(['project'])).toBe(11);
    expect(lines.lineOf(['metadata', 'dependencies', '1'])).toBe(6);
  });
});

describe('findKeyLines on text the scanner does not expect', () => {
  it('terminates and finds what it can', () => {
    const lines = findKeyLines('a = [ } ]\nb = 1\n[c\n');
    expect(lines.lineOf(['a'])).toBe(1);
  });
});
