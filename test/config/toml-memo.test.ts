import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync,
  writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { parseTomlDocument, type TomlMemo } from '../../src/config/toml-document.js';
import { openTomlMemo } from '../../src/config/toml-memo.js';

let cacheHome: string;
let memo: TomlMemo;

beforeEach(() => {
  cacheHome = mkdtempSync(path.join(os.tmpdir(), 'kappy-memo-'));
  memo = openTomlMemo({ XDG_CACHE_HOME: cacheHome })!;
});

afterEach(() => {
  rmSync(cacheHome, { recursive: true, force: true });
});

const memoDir = (): string => path.join(cacheHome, 'kappy', 'toml');
const entries = (): string[] => readdirSync(memoDir()).sort();

describe('openTomlMemo', () => {
  it('answers a second parse of the same text from the kept entry', () => {
    const text = '[build]\njobs = 4\n';
    expect(parseTomlDocument(text, 'kappy.toml', memo).data).toEqual({ build: { jobs: 4 } });
    const [name] = entries();

    // Mark the kept data: the next parse of this text must return the mark.
    const file = path.join(memoDir(), name!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"jobs":4', '"jobs":5'));
    const again = parseTomlDocument(text, 'kappy.toml', memo);
    expect(again.data).toEqual({ build: { jobs: 5 } });
    expect(again.lineOf(['build', 'jobs'])).toBe(2);
  });

  it('never answers for another text, even under the same entry name', () => {
    parseTomlDocument('a = 1\n', 'k.toml', memo);
    const [name] = entries();
    const file = path.join(memoDir(), name!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"text":"a = 1\\n"',
      '"text":"a = 2\\n"'));

    expect(memo.recall('a = 1\n')).toBeUndefined();
    expect(parseTomlDocument('a = 1\n', 'k.toml', memo).data).toEqual({ a: 1 });
  });

  it('gives tables without a prototype, as the parser does', () => {
    parseTomlDocument('[t]\nk = "v"\n', 'k.toml', memo);
    const data = memo.recall('[t]\nk = "v"\n')!;
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.getPrototypeOf(data['t'])).toBeNull();
  });

  it('keeps nothing JSON would change: dates, inf, nan', () => {
    parseTomlDocument('when = 1979-05-27T07:32:00Z\n', 'k.toml', memo);
    parseTomlDocument('x = inf\n', 'k.toml', memo);
    parseTomlDocument('x = nan\n', 'k.toml', memo);
    expect(() => entries()).toThrow();
  });

  it('keeps the 64 newest entries', () => {
    for (let i = 0; i < 70; i++) {
      parseTomlDocument(`n = ${i}\n`, 'k.toml', memo);
      const file = path.join(memoDir(), entries().find((name) =>
        readFileSync(path.join(memoDir(), name), 'utf8').includes(`"n = ${i}\\n"`))!);
      utimesSync(file, 1000 + i, 1000 + i);
    }
    expect(entries()).toHaveLength(64);
    expect(memo.recall('n = 69\n')).toEqual({ n: 69 });
    expect(memo.recall('n = 0\n')).toBeUndefined();
  });

  it('has no home without an absolute XDG_CACHE_HOME or a HOME', () => {
    expect(openTomlMemo({})).toBeUndefined();
    expect(openTomlMemo({ XDG_CACHE_HOME: 'relative' })).toBeUndefined();
    expect(openTomlMemo({ XDG_CACHE_HOME: 'relative', HOME: cacheHome })).toBeDefined();
  });

  it('is what loadConfig reads through', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kappy-memo-config-'));
    try {
      writeFileSync(path.join(dir, 'kappy.toml'), '[sync]\njobs = 3\n');
      const env = { HOME: dir, XDG_CACHE_HOME: cacheHome };
      expect((await loadConfig({ cwd: dir, env })).sync.jobs).toBe(3);
      expect(entries()).toHaveLength(1);
      expect((await loadConfig({ cwd: dir, env })).sync.jobs).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
