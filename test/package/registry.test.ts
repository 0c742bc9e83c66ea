import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { UsageError } from '../../src/core/errors.js';
import { loadPackager } from '../../src/package/registry.js';
import { makeTempDir } from './fixture-tree.js';

describe('loadPackager', () => {
  let configDir: string;

  beforeAll(async () => {
    configDir = await makeTempDir();
    await mkdir(path.join(configDir, 'plugins'));
    await writeFile(path.join(configDir, 'plugins/tarball.mjs'), `
      export default {
        name: 'tarball',
        async createPackage(input) { return [input.outputDir + '/' + input.project.name]; },
      };
    `);
    await writeFile(path.join(configDir, 'plugins/empty.mjs'), 'export const nothing = 1;\n');
  });
  afterAll(async () => rm(configDir, { recursive: true, force: true }));

  it('knows the built-in packagers by name', async () => {
    expect((await loadPackager('slackware', {}, configDir)).name).toBe('slackware');
    expect((await loadPackager('debian', {}, configDir)).name).toBe('debian');
  });

  it('loads a third-party packager from a path relative to the config', async () => {
    const packager = await loadPackager('tarball', { tarball: './plugins/tarball.mjs' }, configDir);
    const files = await packager.createPackage({ project: { path: 'kde/x', name: 'x' },
      installTree: '/nowhere', version: '1', settings: {}, outputDir: '/out' });
    expect(files).toEqual(['/out/x']);
  });

  it('loads kappy-packager-NAME from the node_modules beside the config', async () => {
    const pkg = path.join(configDir, 'node_modules/kappy-packager-arch');
    await mkdir(pkg, { recursive: true });
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({
      name: 'kappy-packager-arch', version: '1.0.0', type: 'module', main: 'index.js' }));
    await writeFile(path.join(pkg, 'index.js'), `
      export function createPackager() {
        return { name: 'arch', async createPackage(input) {
          return [input.outputDir + '/' + input.project.name + '.pkg.tar.zst'];
        } };
      }
    `);

    const packager = await loadPackager('arch', {}, configDir);
    const files = await packager.createPackage({ project: { path: 'kde/x', name: 'x' },
      installTree: '/nowhere', version: '1', settings: {}, outputDir: '/out' });
    expect(packager.name).toBe('arch');
    expect(files).toEqual(['/out/x.pkg.tar.zst']);
  });

  it('names the known packagers when the name is unknown', async () => {
    const attempt = loadPackager('gentoo', { tarball: './plugins/tarball.mjs' }, configDir);
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(
      /unknown packager "gentoo": known packagers are slackware, debian, tarball/);
  });

  it('explains a configured plugin that is missing or exports no packager', async () => {
    await expect(loadPackager('x', { x: './plugins/missing.mjs' }, configDir)).rejects
      .toThrow(/packager "x" from \[packagers\] x = ".\/plugins\/missing.mjs" was not found/);
    await expect(loadPackager('x', { x: './plugins/empty.mjs' }, configDir)).rejects
      .toThrow(/exports no packager/);
  });
});
