// Renders the demo's metadata in KDE's own formats: the legacy
// kde_projects.xml, a kde-build-metadata dependency-data file, and the
// kappy.toml that points at them. Pure functions: text in, text out.

import {
  DEMO_BASE_DEPENDENCY,
  DEMO_EXTERNAL_DEPENDENCY,
  DEMO_WITHOUT_EXTERNAL,
} from './catalog.mjs';

/** Module folders of the demo component, as KDE groups its projects. */
const MODULES = [
  { id: 'frameworks', title: 'KDemo Frameworks', about: 'Libraries and CMake modules' },
  { id: 'utils', title: 'KDemo Utilities', about: 'Small command line tools' },
  { id: 'apps', title: 'KDemo Applications', about: 'Programs for end users' },
];

/**
 * @param {import('./catalog.mjs').DemoProject[]} projects
 * @param {(project: import('./catalog.mjs').DemoProject) => string} urlOf file:// URL
 */
export function renderProjectsXml(projects, urlOf) {
  const lines = [
    "<?xml version='1.0' encoding='UTF-8'?>",
    '<kdeprojects version="1">',
    '  <component identifier="demo">',
    ...describe('    ', 'KDemo',
      'Small example projects that show kappy at work',
      'demo',
    ),
  ];

  for (const module of MODULES) {
    const members = projects.filter((p) => p.path.startsWith(`demo/${module.id}/`));
    if (members.length === 0) continue;

    lines.push(`    <module identifier="${module.id}">`);
    lines.push(...describe('      ', module.title, module.about, `demo/${module.id}`));
    for (const project of members) {
      lines.push(...renderProject(project, urlOf(project)));
    }
    lines.push('    </module>');
  }

  lines.push('  </component>', '</kdeprojects>', '');
  return lines.join('\n');
}

/** @param {import('./catalog.mjs').DemoProject} project @param {string} url */
function renderProject(project, url) {
  const indent = '        ';
  const id = project.path.split('/').at(-1) ?? project.path;
  return [
    `      <project identifier="${escapeXml(id)}">`,
    ...describe(indent, project.title, project.description, project.path),
    `${indent}<repo>`,
    `${indent}  <active>true</active>`,
    `${indent}  <url protocol="file" access="read-only">${escapeXml(url)}</url>`,
    `${indent}  <branch>master</branch>`,
    `${indent}  <branch i18n="trunk_kf5">master</branch>`,
    `${indent}</repo>`,
    '      </project>',
  ];
}

/** The elements every component, module and project starts with. */
function describe(indent, name, description, path) {
  return [
    `${indent}<name>${escapeXml(name)}</name>`,
    `${indent}<description>${escapeXml(description)}</description>`,
    `${indent}<icon/>`,
    `${indent}<path>${escapeXml(path)}</path>`,
    `${indent}<web/>`,
  ];
}

/** @param {string} text */
export function escapeXml(text) {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** @param {import('./catalog.mjs').DemoProject[]} projects */
export function renderDependencyData(projects) {
  const lines = [
    '# Build dependencies of the KDemo example projects, in the syntax of',
    "# kde-build-metadata's dependency-data-kf5-qt5:",
    '#   dependent: source     the dependent is built after the source',
    '#   dependent: -source    cancels a dependency inherited from a catch-all',
    '# Written by demo/setup.mjs.',
    '',
    '# Every demo project uses the CMake modules (kdemo-ecm itself too: kappy',
    '# drops that self-dependency).',
    `demo/*: ${DEMO_BASE_DEPENDENCY}`,
    '',
    '# Real KDE software needs Qt, which the demo does not build: kappy keeps it',
    '# as an external dependency, reported and never built.',
    `*: ${DEMO_EXTERNAL_DEPENDENCY}`,
    '',
  ];

  for (const project of projects) {
    for (const dependency of project.dependencies) {
      lines.push(`${project.path}: ${dependency}`);
    }
  }

  lines.push('', '# Plain C programs need no Qt.');
  for (const path of DEMO_WITHOUT_EXTERNAL) {
    lines.push(`${path}: -${DEMO_EXTERNAL_DEPENDENCY}`);
  }
  lines.push('');
  return lines.join('\n');
}

/** The demo's kappy.toml; every path is relative to the file itself. */
export function renderConfig() {
  return `# kappy configuration of the offline demo, written by demo/setup.mjs.
# Relative paths are relative to this file.

[metadata]
projects = "metadata/kde_projects.xml"
dependencies = ["metadata/dependency-data-kf5-qt5"]
protocols = ["file"]

[paths]
cache = "checkouts"
build = "build"
# A system prefix: nothing is installed there; every project is staged into
# an install tree (DESTDIR) that its dependents build against and that the
# packager reads, so no step needs root.
install = "/usr"
logs = "logs"
packages = "packages"

[build]
build-type = "RelWithDebInfo"
cmake-options = ["-DBUILD_TESTING=OFF"]

[package.slackware]
tag = "_kappy"

# CMake modules only, no compiled code: Slackware calls that noarch.
[project."kdemo-ecm".package.slackware]
arch = "noarch"
`;
}
