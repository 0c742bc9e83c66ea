import type { Project, ProjectIndex } from './project.js';
import { readProjectsFromTree } from './kde-projects-tree.js';
import { scanKdeProjects, UnsupportedXmlError } from './kde-projects-wasm.js';

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
 * Duplicate paths: the element that comes LATER in the document wins (as in
 * a later assignment), keeping the position of the first in the index. The
 * 2017-03-15 KDE neon fixture has such a pair.
 */
export function parseKdeProjectsXml(content: Uint8Array | string, file: string): ProjectIndex {
  return indexScannedProjects(scanKdeProjectsXml(content, file), file);
}

/** One element with a `<repo>`, as the readers report it. */
export interface ScannedProject {
  /** Document order of the start tag (nested projects are found first). */
  order: number;
  /** Line of the start tag; the fast-xml-parser reading has none. */
  line?: number;
  path: string;
  repositories: Record<string, string>;
  branches: Record<string, string>;
  active: boolean;
  description?: string;
}

/**
 * The projects of the document as the JSON text of a ScannedProject array:
 * what the parsed-index cache keeps, so that a cold and a warm run end in
 * the same indexScannedProjects.
 *
 * The file is read by a strict scanner compiled to WebAssembly
 * (assembly/scan-kde-projects.ts, fast on a cold start); a document with a
 * DOCTYPE goes to fast-xml-parser instead (kde-projects-tree.ts). Tests
 * check that both readings agree on every real file.
 */
export function scanKdeProjectsXml(content: Uint8Array | string, file: string): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    return scanKdeProjects(bytes, file);
  } catch (error) {
    if (!(error instanceof UnsupportedXmlError)) throw error;
    return JSON.stringify(readProjectsFromTree(Buffer.from(bytes).toString('utf8'), file));
  }
}

/**
 * Builds the index from scanKdeProjectsXml's text. Throws on text that is
 * not such JSON (a damaged cache copy: the caller parses the XML again).
 */
export function indexScannedProjects(json: string, file: string): ProjectIndex {
  const scanned = JSON.parse(json) as ScannedProject[];
  if (!Array.isArray(scanned)) throw new TypeError('not a list of scanned projects');

  scanned.sort((a, b) => a.order - b.order);
  const projects = new Map<string, Project>();
  for (const found of scanned) projects.set(found.path, makeProject(found, file));
  return { projects };
}

function makeProject(found: ScannedProject, file: string): Project {
  const project: Project = {
    path: found.path,
    name: found.path.slice(found.path.lastIndexOf('/') + 1),
    repositories: found.repositories,
    active: found.active,
    branches: found.branches,
    source: found.line === undefined ? { file } : { file, line: found.line },
  };
  if (found.description !== undefined) project.description = found.description;
  return project;
}
