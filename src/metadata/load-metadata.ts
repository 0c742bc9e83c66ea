import { readFileSync, rmSync } from 'node:fs';
import { MetadataError } from '../core/errors.js';
import { parseIgnoreList } from './build-script-ignore.js';
import { parseDependencyData } from './dependency-data.js';
import type { BranchGroups, DependencyRule } from './dependency-rule.js';
import { indexScannedProjects, scanKdeProjectsXml } from './kde-projects-xml.js';
import { parseLogicalModuleStructure } from './logical-module-structure.js';
import { fetchMetadataSource, type FetchOptions } from './metadata-source.js';
import { parsedCopyPath, readParsedCopy, writeParsedCopy } from './parsed-index-cache.js';
import type { Project, ProjectIndex } from './project.js';
import type { RepoMetadata } from './repo-metadata.js';

/** Where the metadata comes from: local paths or URLs (http, https, file). */
export interface MetadataSources {
  /** kde_projects.xml path or URL. */
  projects?: string;
  /** repo-metadata checkout (a local directory). */
  repoMetadata?: string;
  /** dependency-data paths or URLs. */
  dependencies: string[];
  /** logical-module-structure path or URL. */
  branchGroups?: string;
  /** build-script-ignore path or URL. */
  ignore?: string;
}

/** All metadata merged: one index, every rule, branch groups and ignores. */
export interface Metadata {
  index: ProjectIndex;
  rules: DependencyRule[];
  branchGroups?: BranchGroups;
  ignore: string[];
}

/**
 * Reads every configured source and merges them. Projects from repo-metadata
 * replace XML projects with the same path; rules are concatenated in source
 * order (dependency files first, then repo-metadata's).
 */
export async function loadMetadata(sources: MetadataSources, options: FetchOptions):
  Promise<Metadata> {
  const [xmlIndex, repo, rules, branchGroups, ignore] = await Promise.all([
    sources.projects === undefined ? undefined : loadProjectsXml(sources.projects, options),
    sources.repoMetadata === undefined ? undefined : loadRepoMetadata(sources.repoMetadata,
      options),
    Promise.all(sources.dependencies.map((spec) =>
      loadParsed(spec, options, parseDependencyData))),
    sources.branchGroups === undefined ? undefined
      : loadParsed(sources.branchGroups, options, parseLogicalModuleStructure),
    sources.ignore === undefined ? undefined
      : loadParsed(sources.ignore, options, (text) => parseIgnoreList(text)),
  ]);

  return {
    index: mergeIndexes(xmlIndex, repo?.index),
    rules: [...rules.flat(), ...(repo?.rules ?? [])],
    branchGroups: mergeBranchGroups(repo?.branchGroups, branchGroups),
    ignore: [...(ignore ?? []), ...(repo?.ignore ?? [])],
  };
}

/** The XML is the one large source: reuse a parsed copy when it did not change. */
async function loadProjectsXml(spec: string, options: FetchOptions): Promise<ProjectIndex> {
  const file = await fetchMetadataSource(spec, options);
  const copy = parsedCopyPath(file, options.cacheDir);
  const cached = copy === undefined ? undefined : readParsedCopy(copy);
  if (cached !== undefined) {
    try {
      return indexScannedProjects(cached, file);
    } catch {
      // A damaged copy: parse the XML again, which replaces it.
    }
  }

  // The scanner reads bytes: decoding 1.4 MB to a string first is wasted work.
  const scanned = parseFetched(spec, file, readFileSync(file), scanKdeProjectsXml);
  const index = indexScannedProjects(scanned, file);
  if (copy !== undefined) writeParsedCopy(copy, scanned);
  return index;
}

async function loadRepoMetadata(spec: string, options: FetchOptions): Promise<RepoMetadata> {
  if (/^https?:\/\//i.test(spec)) {
    throw new MetadataError('repo-metadata must be a local directory: clone ' +
      'https://invent.kde.org/sysadmin/repo-metadata and point the config at it',
    { location: { file: spec } });
  }
  const dir = await fetchMetadataSource(spec, options);
  // Loaded on demand: the yaml package adds tens of ms to every start.
  const { readRepoMetadata } = await import('./repo-metadata.js');
  return readRepoMetadata(dir);
}

async function loadParsed<T>(spec: string, options: FetchOptions,
  parse: (text: string, file: string) => T): Promise<T> {
  const file = await fetchMetadataSource(spec, options);
  return parseFetched(spec, file, readFileSync(file, 'utf8'), parse);
}

/**
 * Parses a fetched source. A download that does not parse is removed, so a
 * broken or truncated transfer is fetched again next time instead of being
 * reused from the cache.
 */
function parseFetched<C, T>(spec: string, file: string, content: C,
  parse: (content: C, file: string) => T): T {
  try {
    return parse(content, file);
  } catch (error) {
    if (/^https?:\/\//i.test(spec)) rmSync(file, { force: true });
    throw error;
  }
}

function mergeIndexes(...indexes: (ProjectIndex | undefined)[]): ProjectIndex {
  const present = indexes.filter((index) => index !== undefined);
  if (present.length === 1 && present[0]) return present[0];

  const projects = new Map<string, Project>();
  for (const index of present) {
    for (const [path, project] of index.projects) projects.set(path, project);
  }
  return { projects };
}

/** Entries from the logical-module-structure file win over repo-metadata's. */
function mergeBranchGroups(...all: (BranchGroups | undefined)[]): BranchGroups | undefined {
  const present = all.filter((groups) => groups !== undefined);
  if (present.length <= 1) return present[0];

  const groups = new Map<string, Record<string, string>>();
  for (const { groups: entries } of present) {
    for (const [pattern, branches] of entries) {
      groups.set(pattern, { ...groups.get(pattern), ...branches });
    }
  }
  return { groups };
}
