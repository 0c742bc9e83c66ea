import os from 'node:os';

import type { Compression } from '../archive/compressor.js';
import { SettingsReader } from '../settings-reader.js';

export const PACKAGE_EXTENSIONS = ['txz', 'tgz', 'tbz', 'tlz'] as const;
export type PackageExtension = (typeof PACKAGE_EXTENSIONS)[number];

export const COMPRESSION_OF: Record<PackageExtension, Compression> = {
  txz: 'xz',
  tgz: 'gzip',
  tbz: 'bzip2',
  tlz: 'lzma',
};

const KNOWN_KEYS = ['tag', 'build', 'arch', 'compression', 'strip', 'conventions',
  'slack-desc', 'doinst', 'use-makepkg'] as const;

/** `[package.slackware]` after validation; undefined means "decide from the tree". */
export interface SlackwareSettings {
  tag: string;
  build: string;
  arch: string;
  compression: PackageExtension;
  strip?: boolean;
  conventions?: boolean;
  slackDesc?: string;
  doinst?: string;
  useMakepkg: boolean;
}

export function readSlackwareSettings(table: Record<string, unknown>): SlackwareSettings {
  const reader = new SettingsReader(table, 'package.slackware');
  reader.checkKeys(KNOWN_KEYS);
  return {
    tag: reader.string('tag') ?? '',
    build: reader.string('build') ?? '1',
    arch: reader.string('arch') ?? os.machine(),
    compression: reader.oneOf('compression', PACKAGE_EXTENSIONS) ?? 'txz',
    strip: reader.boolean('strip'),
    conventions: reader.boolean('conventions'),
    slackDesc: reader.string('slack-desc'),
    doinst: reader.string('doinst'),
    useMakepkg: reader.boolean('use-makepkg') ?? false,
  };
}
