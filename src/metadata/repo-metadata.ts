import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { MetadataError } from '../core/errors.js';
import { parseIgnoreList } from './build-script-ignore.js';
import { parseDependencyData } from './dependency-data.js';
import type { BranchGroups, DependencyRule } from './dependency-rule.js';
import { readBranchGroups } from './logical-module-structure.js';
import type { Project, ProjectIndex } from './project.js';

/** Everything a repo-metadata checkout describes. */
export interface RepoMetadata {
  index: ProjectIndex;
  rules: DependencyRule[];
  branchGroups: BranchGroups;
  ignore: string[];
}

/**
 * Reads a checkout of KDE's modern repo-metadata (sysadmin/repo-metadata):
 * `projects-invent/**\/metadata.yaml` (or `projects/**\/metadata.yaml`, the
 * layout of kde-builder's fixtures), `kde-dependencies/*` in the
 * dependency-data syntax, `branch-groups.yaml` and `ignore-kde-projects`.
 * Missing optional files read as empty.
 */
export async function readRepoMetadata(dir: string): Promise<RepoMetadata> {
  await checkDirectory(dir);
  const [projects, rules, branchGroups, ignoreText] = await Promise.all([
    readProjects(dir),
    readDependencyFiles(path.join(dir, 'kde-dependencies')),
    readBranchGroupsFile(path.join(dir, 'branch-groups.yaml')),
    readOptional(path.join(dir, 'ignore-kde-projects')),
  ]);
  return {
    index: { projects },
    rules,
    branchGroups,
    ignore: ignoreText === undefined ? [] : parseIgnoreList(ignoreText),
  };
}

/** One `metadata.yaml` into a project; repopath is the path, identifier the name. */
export function parseRepoMetadataYaml(text: string, file: string): Project {
  const data = parseYamlFile(text, file);
  if (!isObject(data)) {
    throw new MetadataError('expected a mapping of keys', { location: { file } });
  }

  const repopath = readString(data, 'repopath', file, true);
  const identifier = readString(data, 'identifier', file, false) ?? lastComponent(repopath);
  const project: Project = {
    path: repopath,
    name: identifier,
    repositories: {
      https: `https://invent.kde.org/${repopath}.git`,
      ssh: `git@invent.kde.org:${repopath}.git`,
    },
    active: readActive(data, file),
    branches: {},
    source: { file },
  };

  const kind = readString(data, 'kind', file, false);
  const description = readString(data, 'description', file, false);
  const legacyPath = readString(data, 'projectpath', file, false);
  if (kind) project.kind = kind;
  if (description) project.description = description.trim();
  if (legacyPath) project.legacyPath = legacyPath;
  return project;
}

async function readProjects(dir: string): Promise<Map<string, Project>> {
  const files = [
    ...(await findMetadataFiles(path.join(dir, 'projects-invent'))),
    ...(await findMetadataFiles(path.join(dir, 'projects'))),
  ];
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));

  const projects = new Map<string, Project>();
  files.forEach((file, i) => {
    const project = parseRepoMetadataYaml(texts[i] ?? '', file);
    projects.set(project.path, project);
  });
  return projects;
}

async function findMetadataFiles(root: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(root, { recursive: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  return entries
    .filter((entry) => path.basename(entry) === 'metadata.yaml')
    .sort()
    .map((entry) => path.join(root, entry));
}

async function readDependencyFiles(dir: string): Promise<DependencyRule[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }

  const files = names.map((name) => path.join(dir, name));
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return files.flatMap((file, i) => parseDependencyData(texts[i] ?? '', file));
}

async function readBranchGroupsFile(file: string): Promise<BranchGroups> {
  const text = await readOptional(file);
  if (text === undefined) return { groups: new Map() };

  const data = parseYamlFile(text, file);
  const groups = isObject(data) ? (data.groups ?? {}) : undefined;
  if (!isObject(groups)) {
    throw new MetadataError('expected "groups:" mapping project paths to ' +
      '{branch-group: branch}', { location: { file, key: 'groups' } });
  }
  return readBranchGroups(groups, file);
}

function parseYamlFile(text: string, file: string): unknown {
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const at = error.linePos?.[0];
    const summary = error.message.split('\n')[0] ?? error.message;
    throw new MetadataError(`invalid YAML: ${summary}`,
      { location: { file, line: at?.line, column: at?.col }, cause: error });
  }
}

function readString(data: Record<string, unknown>, key: string, file: string,
  required: true): string;
function readString(data: Record<string, unknown>, key: string, file: string,
  required: false): string | undefined;
function readString(data: Record<string, unknown>, key: string, file: string,
  required: boolean): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) {
    if (!required) return undefined;
    throw new MetadataError(`missing "${key}"`, { location: { file, key } });
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new MetadataError(`"${key}" must be a non-empty string, found ${JSON.stringify(value)}`,
      { location: { file, key } });
  }
  return value;
}

function readActive(data: Record<string, unknown>, file: string): boolean {
  const value = data.repoactive;
  if (value === undefined || value === null) return true;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new MetadataError(`"repoactive" must be true or false, found ${JSON.stringify(value)}`,
    { location: { file, key: 'repoactive' } });
}

async function checkDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info?.isDirectory()) return;
  throw new MetadataError('repo-metadata must be a directory (a checkout of ' +
    'sysadmin/repo-metadata); check the [metadata] config', { location: { file: dir } });
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function lastComponent(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1);
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
