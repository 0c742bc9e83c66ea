// The example projects of the demo: where their sources live in demo/projects,
// the project path and description the metadata gives them, their
// dependencies, and the two versions of their small git history.

/**
 * @typedef {object} DemoProject
 * @property {string} source        folder under demo/projects
 * @property {string} path          KDE project path, e.g. demo/frameworks/libkdemo-core
 * @property {string} title         the <name> in kde_projects.xml
 * @property {string} description   the <description>; it feeds slack-desc
 * @property {string} version       the version in CMakeLists.txt, tagged v<version>
 * @property {string} previous      the version of the initial import
 * @property {string[]} dependencies project paths, besides the demo/* catch-all
 */

/** In dependency order. @type {DemoProject[]} */
export const DEMO_PROJECTS = [
  {
    source: 'kdemo-ecm',
    path: 'demo/frameworks/kdemo-ecm',
    title: 'KDemo Extra CMake Modules',
    description:
      'CMake modules shared by the KDemo projects: install directories, ' +
      'compiler settings, an install RPATH policy and a version header ' +
      'generator, found with find_package(KDemoECM). Like ' +
      'extra-cmake-modules, it installs no compiled code.',
    version: '1.2.0',
    previous: '1.1.0',
    dependencies: [],
  },
  {
    source: 'libkdemo-core',
    path: 'demo/frameworks/libkdemo-core',
    title: 'KDemo Core',
    description:
      'The core library of the KDemo example projects: a small C++ shared ' +
      'library with a C interface that reports its version and builds ' +
      'greetings. It exports the KDemoCore CMake package and a pkg-config ' +
      'file.',
    version: '1.2.0',
    previous: '1.1.0',
    dependencies: [],
  },
  {
    source: 'libkdemo-widgets',
    path: 'demo/frameworks/libkdemo-widgets',
    title: 'KDemo Widgets',
    description:
      'Text widgets for terminal programs, built on KDemo Core: a label ' +
      'drawn inside a frame. It exports the KDemoWidgets CMake package.',
    version: '0.9.0',
    previous: '0.8.0',
    dependencies: ['demo/frameworks/libkdemo-core'],
  },
  {
    source: 'kdemo-info',
    path: 'demo/utils/kdemo-info',
    title: 'KDemo Info',
    description:
      'A plain C program that prints which KDemo Core library it was built ' +
      'against and which one it loads at run time.',
    version: '1.0.0',
    previous: '0.9.0',
    dependencies: ['demo/frameworks/libkdemo-core'],
  },
  {
    source: 'kdemo-app',
    path: 'demo/apps/kdemo-app',
    title: 'KDemo',
    description:
      'kdemo greets you inside a frame drawn by KDemo Widgets and shows the ' +
      'versions of the KDemo libraries it runs with. It ships a man page, a ' +
      'desktop entry and a system-wide configuration file.',
    version: '1.2.0',
    previous: '1.1.0',
    dependencies: ['demo/frameworks/libkdemo-widgets', 'demo/frameworks/libkdemo-core'],
  },
];

/** What every demo project needs, through a `demo/*` catch-all line. */
export const DEMO_BASE_DEPENDENCY = 'demo/frameworks/kdemo-ecm';

/** Not built by the demo; kappy reports it as an external dependency. */
export const DEMO_EXTERNAL_DEPENDENCY = 'third-party/Qt5';

/** Plain C projects that cancel the external (Qt) dependency. */
export const DEMO_WITHOUT_EXTERNAL = ['demo/utils/kdemo-info'];

/** What `npm run demo` asks kappy for (dependencies come along). */
export const DEMO_SELECTORS = ['kdemo-app', 'kdemo-info'];
