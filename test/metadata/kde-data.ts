import { readFileSync } from 'node:fs';
import { MetadataError } from '../../src/core/errors.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real KDE metadata copies shared by the project (see SOURCES.md there). */
export const KDE_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/data/kde');

export const XML_2015 = path.join(KDE_DATA, 'kde_projects-2015-12-27-wenzel-ba0a82a.xml');
export const DEPS_KF5_2015 = path.join(KDE_DATA, 'dependency-data-kf5-qt5-2015-12-24-9d23f20');

export function kdeFile(name: string): string {
  return path.join(KDE_DATA, name);
}

export function readKdeFile(name: string): string {
  return readFileSync(kdeFile(name), 'utf8');
}

/** The MetadataError `parse` throws; fails the test when it throws nothing. */
export function metadataErrorOf(parse: () => unknown): MetadataError {
  try {
    parse();
  } catch (error) {
    if (error instanceof MetadataError) return error;
    throw error;
  }
  throw new Error('expected a MetadataError');
}
