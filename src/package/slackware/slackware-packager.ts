import { rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

import { writeCompressed } from '../archive/compressor.js';
import { writeTar } from '../archive/tar-writer.js';
import { writeAtomically } from '../atomic-output.js';
import type { PackageInput, Packager } from '../packager.js';
import { withTreeCopy } from '../tree-copy.js';
import { applyConventions, installsUnderUsr, type ConventionOptions } from './conventions.js';
import { findMakepkg, runMakepkg } from './makepkg.js';
import { archiveEntries, collectContents } from './package-contents.js';
import { packageFileName, slackwareVersion } from './package-name.js';
import { COMPRESSION_OF, readSlackwareSettings,
  type SlackwareSettings } from './slackware-settings.js';

/** What `makepkg -l y -c n` produces, without root and without Slackware. */
export const slackwarePackager: Packager = {
  name: 'slackware',
  createPackage: createSlackwarePackage,
};

export async function createSlackwarePackage(input: PackageInput): Promise<string[]> {
  const settings = readSlackwareSettings(input.settings);
  const { name } = input.project;
  const version = slackwareVersion(input.version);
  const fileName = packageFileName({ name, version, arch: settings.arch,
    build: settings.build, tag: settings.tag, extension: settings.compression });

  const conventions = settings.conventions ?? await installsUnderUsr(input.installTree);
  const options = { strip: settings.strip ?? conventions, conventions, name, version,
    sourceDir: input.sourceDir };
  const needsCopy = options.strip || options.conventions || settings.useMakepkg;
  const makepkg = settings.useMakepkg ? await findMakepkg() : undefined;

  const file = await writeAtomically(input.outputDir, fileName, async (temporaryFile) => {
    const write = (tree: string) => writePackage(tree, temporaryFile, input, settings,
      { ...options, makepkg });
    // The install tree stays untouched: anything that edits files works on a copy.
    if (needsCopy) await withTreeCopy(input.installTree, write);
    else await write(input.installTree);
  });
  return [file];
}

async function writePackage(tree: string, outputFile: string, input: PackageInput,
  settings: SlackwareSettings, options: ConventionOptions & { makepkg?: string }): Promise<void> {
  const configFiles = await applyConventions(tree, options);
  const contents = await collectContents({
    tree,
    name: input.project.name,
    description: input.project.description,
    slackDescOverride: settings.slackDesc,
    doinstOverride: settings.doinst,
    configFiles,
  });

  if (options.makepkg) {
    await prepareInstallDir(tree, contents.slackDesc, contents.doinstHead);
    await runMakepkg(options.makepkg, tree, outputFile);
    return;
  }

  const entries = archiveEntries(contents);
  await writeCompressed(outputFile, COMPRESSION_OF[settings.compression],
    (stream) => writeTar(entries, stream, { prefix: '' }));
}

async function prepareInstallDir(tree: string, slackDesc: string,
  doinstHead: string): Promise<void> {
  const installDir = path.join(tree, 'install');
  await mkdir(installDir, { recursive: true });
  await writeFile(path.join(installDir, 'slack-desc'), slackDesc);

  const doinst = path.join(installDir, 'doinst.sh');
  if (doinstHead === '') await rm(doinst, { force: true });
  else await writeFile(doinst, doinstHead);
}
