import { MetadataError } from '../core/errors.js';
import type { Project, ProjectIndex } from './project.js';
import { readProjectsFromTree } from './kde-projects-tree.js';
import { LineCounter, locateOffset } from './text-position.js';
import { decodeEntities, scanXml, UnsupportedXmlError } from './xml-scanner.js';

/**
 * Reads the legacy `kde_projects.xml` (projects.kde.org) into a project index.
 *
 * Every element with a `<repo>` child is a project, whatever its tag
 * (`component`, `module`, `project`): its path is its `<path>`, its name the
 * last path component. `<url protocol=…>` gives the clone URLs, `<branch
 * i18n=…>` the branches by i18n key (empty ones skipped), `<active>` whether
 * it is active (missing: active). Branch values are kept as written, `none`
 * included; tarball links are not clone URLs and are left out.
 *
 * The file is read with the strict scanner in xml-scanner.ts (fast on a cold
 * start); a document with a DOCTYPE goes to fast-xml-parser instead
 * (kde-projects-tree.ts). Tests check that both readings agree on every
 * real file.
 *
 * Duplicate paths: the element that comes LATER in the document wins (as in
 * a later assignment), keeping the position of the first in the index. The
 * 2017-03-15 KDE neon fixture has such a pair.
 */
export function parseKdeProjectsXml(text: string, file: string): ProjectIndex {
  let found: FoundProject[];
  try {
    found = scanProjects(text, file);
  } catch (error) {
    if (!(error instanceof UnsupportedXmlError)) throw error;
    found = readProjectsFromTree(text, file);
  }
  return indexProjects(found);
}

/** A project plus its document position, to order nested projects. */
export interface FoundProject {
  order: number;
  project: Project;
}

/** Collects projects in document order; later duplicates replace earlier ones. */
export function indexProjects(found: FoundProject[]): ProjectIndex {
  found.sort((a, b) => a.order - b.order);
  const projects = new Map<string, Project>();
  for (const { project } of found) projects.set(project.path, project);
  return { projects };
}

/** What we know so far about one open element. */
interface Frame {
  name: string;
  offset: number;
  attributes: string;
  path: string | undefined;
  description: string | undefined;
  repo: RepoFrame | undefined;
}

interface RepoFrame {
  repositories: Record<string, string>;
  branches: Record<string, string>;
  active: boolean;
}

function scanProjects(text: string, file: string): FoundProject[] {
  const found: FoundProject[] = [];
  const frames: Frame[] = [];

  scanXml(text, file, {
    open(name, attributes, offset) {
      const owner = frames[frames.length - 1];
      // Created on open so that the `<repo>` children can fill it in.
      if (name === 'repo' && owner) owner.repo = emptyRepo();
      frames.push({ name, offset, attributes, path: undefined, description: undefined,
        repo: undefined });
      if (owner?.name === 'repo') return isRepoField(name);
      return name === 'path' || name === 'description';
    },

    close(name, value) {
      const frame = frames.pop();
      const owner = frames[frames.length - 1];
      if (!frame || !owner) return;

      if (owner.name === 'repo') {
        readRepoField(frames[frames.length - 2]?.repo, name, frame.attributes, value);
      } else if (name === 'path') {
        owner.path = value.trim();
      } else if (name === 'description') {
        owner.description = value.trim();
      }

      if (frame.repo) found.push(makeProject(frame, frame.repo, file, text));
    },
  });

  addLines(found, text);
  return found;
}

function isRepoField(name: string): boolean {
  return name === 'url' || name === 'branch' || name === 'active';
}

function emptyRepo(): RepoFrame {
  return { repositories: {}, branches: {}, active: true };
}

function readRepoField(repo: RepoFrame | undefined, name: string, attrs: string,
  value: string): void {
  if (!repo) return;
  const text = value.trim();

  if (name === 'url') {
    const protocol = readAttribute(attrs, PROTOCOL);
    // Tarball links are not clone URLs.
    if (protocol && protocol !== 'tarball' && text) repo.repositories[protocol] = text;
  } else if (name === 'branch') {
    const key = readAttribute(attrs, I18N);
    if (key && text) repo.branches[key] = text;
  } else if (name === 'active') {
    repo.active = text !== 'false';
  }
}

function makeProject(frame: Frame, repo: RepoFrame, file: string,
  text: string): FoundProject {
  if (!frame.path) {
    throw new MetadataError(`<${frame.name}> has a <repo> but no <path>; ` +
      'every project needs a path', { location: { file, ...locateOffset(text, frame.offset) } });
  }

  const project: Project = {
    path: frame.path,
    name: lastComponent(frame.path),
    repositories: repo.repositories,
    active: repo.active,
    branches: repo.branches,
    source: { file },
  };
  if (frame.description) project.description = frame.description;
  return { order: frame.offset, project };
}

/** Tags each project with the line of its start tag, in one pass. */
function addLines(found: FoundProject[], text: string): void {
  found.sort((a, b) => a.order - b.order);
  const lines = new LineCounter(text);
  for (const { order, project } of found) {
    if (project.source) project.source.line = lines.lineAt(order);
  }
}

export function lastComponent(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

const PROTOCOL = /\sprotocol\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const I18N = /\si18n\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function readAttribute(attrs: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(attrs);
  const value = match ? (match[1] ?? match[2]) : undefined;
  return value === undefined ? undefined : decodeEntities(value);
}
