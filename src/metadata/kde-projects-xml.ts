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
 * The file is read by a strict scanner compiled to WebAssembly
 * (assembly/scan-kde-projects.ts, fast on a cold start); a document with a
 * DOCTYPE goes to fast-xml-parser instead (kde-projects-tree.ts). Tests
 * check that both readings agree on every real file.
 *
 * Duplicate paths: the element that comes LATER in the document wins (as in
 * a later assignment), keeping the position of the first in the index. The
 * 2017-03-15 KDE neon fixture has such a pair.
 */
export function parseKdeProjectsXml(content: Uint8Array | string, file: string): ProjectIndex {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let found: FoundProject[];
  try {
    found = scanKdeProjects(bytes, file).map(({ order, line, ...fields }) =>
      ({ order, project: makeProject(fields, file, line) }));
  } catch (error) {
    if (!(error instanceof UnsupportedXmlError)) throw error;
    found = readProjectsFromTree(Buffer.from(bytes).toString('utf8'), file);
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

function makeProject(
  fields: Omit<Project, 'name' | 'source'>,
  file: string,
  line: number,
): Project {
  const project: Project = {
    path: fields.path,
    name: lastComponent(fields.path),
    repositories: fields.repositories,
    active: fields.active,
    branches: fields.branches,
    source: { file, line },
  };
  if (fields.description !== undefined) project.description = fields.description;
  return project;
}

function lastComponent(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
