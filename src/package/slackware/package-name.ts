import { PackageError } from '../package-error.js';
import type { PackageExtension } from './slackware-settings.js';

export interface PackageNameFields {
  name: string;
  version: string;
  arch: string;
  build: string;
  tag: string;
  extension: PackageExtension;
}

/**
 * Slackware splits `name-version-arch-build` at its last three dashes, so
 * `v5.103.0-12-gabc1234` becomes `5.103.0_12_gabc1234` (leading `v` dropped).
 */
export function slackwareVersion(raw: string): string {
  return raw.trim().replace(/^v(?=\d)/, '').replaceAll('-', '_');
}

/** `name-version-arch-build<tag>.txz`, refusing fields that would not parse back. */
export function packageFileName(fields: PackageNameFields): string {
  checkField('name', fields.name, { dashAllowed: true });
  checkField('version', fields.version, { dashAllowed: false });
  checkField('arch', fields.arch, { dashAllowed: false });
  checkField('build', fields.build, { dashAllowed: false });
  if (fields.tag !== '') checkField('tag', fields.tag, { dashAllowed: false });

  const { name, version, arch, build, tag, extension } = fields;
  return `${name}-${version}-${arch}-${build}${tag}.${extension}`;
}

function checkField(field: string, value: string, rules: { dashAllowed: boolean }): void {
  const problem = findProblem(value, rules.dashAllowed);
  if (problem) {
    throw new PackageError(`Slackware package ${field} ${JSON.stringify(value)} ${problem}, ` +
      `which installpkg cannot parse back; ${HINTS[field] ?? ''}`);
  }
}

const HINTS: Record<string, string> = {
  name: 'package it under a name without whitespace or "/"',
  version: 'set the project\'s `version` override',
  arch: 'fix `arch` in [package.slackware]',
  build: 'fix `build` in [package.slackware]',
  tag: 'fix `tag` in [package.slackware]',
};

function findProblem(value: string, dashAllowed: boolean): string | undefined {
  if (value === '') return 'is empty';
  if (/\s/.test(value)) return 'contains whitespace';
  if (value.includes('/')) return 'contains "/"';
  if (!dashAllowed && value.includes('-')) return 'contains "-"';
  return undefined;
}
