import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptySettings, type Paths } from '../../src/config/settings.js';
import type { BuildPlan, PlannedProject } from '../../src/graph/build-plan.js';

/**
 * Three real CMake projects: libalpha (a shared library exporting a CMake
 * package), libbeta (finds Alpha, links it, exports Beta with
 * find_dependency) and app (finds Beta, prints a value from both).
 */
const SOURCES: Record<string, Record<string, string>> = {
  'libs/alpha': {
    'CMakeLists.txt': library('Alpha', 'alpha', ''),
    'alpha.h': 'int alpha_value(void);\n',
    'alpha.c': '#include "alpha.h"\nint alpha_value(void) { return 40; }\n',
    'Config.cmake.in': '@PACKAGE_INIT@\ninclude("${CMAKE_CURRENT_LIST_DIR}/AlphaTargets.cmake")\n',
  },
  'libs/beta': {
    'CMakeLists.txt': library('Beta', 'beta', 'find_package(Alpha REQUIRED)\n',
      'target_link_libraries(beta PUBLIC Alpha::alpha)\n'),
    'beta.h': 'int beta_value(void);\n',
    'beta.c': '#include <alpha.h>\n#include "beta.h"\n' +
      'int beta_value(void) { return alpha_value() + 2; }\n',
    'Config.cmake.in': '@PACKAGE_INIT@\ninclude(CMakeFindDependencyMacro)\n' +
      'find_dependency(Alpha)\ninclude("${CMAKE_CURRENT_LIST_DIR}/BetaTargets.cmake")\n',
  },
  'apps/app': {
    'CMakeLists.txt': 'cmake_minimum_required(VERSION 3.16)\nproject(App C)\n' +
      'find_package(Beta REQUIRED)\nadd_executable(app main.c)\n' +
      'target_link_libraries(app Beta::beta)\ninstall(TARGETS app RUNTIME DESTINATION bin)\n',
    'main.c': '#include <stdio.h>\n#include <beta.h>\n' +
      'int main(void) { printf("beta says %d\\n", beta_value()); return 0; }\n',
  },
};

function library(pkg: string, name: string, before: string, after = ''): string {
  return `cmake_minimum_required(VERSION 3.16)
project(${pkg} C)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
${before}add_library(${name} SHARED ${name}.c)
target_include_directories(${name} PUBLIC $<BUILD_INTERFACE:\${CMAKE_CURRENT_SOURCE_DIR}>
  $<INSTALL_INTERFACE:\${CMAKE_INSTALL_INCLUDEDIR}>)
${after}set(dest \${CMAKE_INSTALL_LIBDIR}/cmake/${pkg})
install(TARGETS ${name} EXPORT ${pkg}Targets LIBRARY DESTINATION \${CMAKE_INSTALL_LIBDIR})
install(FILES ${name}.h DESTINATION \${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT ${pkg}Targets NAMESPACE ${pkg}:: DESTINATION \${dest})
configure_package_config_file(Config.cmake.in \${CMAKE_CURRENT_BINARY_DIR}/${pkg}Config.cmake
  INSTALL_DESTINATION \${dest})
install(FILES \${CMAKE_CURRENT_BINARY_DIR}/${pkg}Config.cmake DESTINATION \${dest})
`;
}

export async function writeCMakeChain(paths: Paths): Promise<BuildPlan> {
  for (const [projectPath, files] of Object.entries(SOURCES)) {
    const dir = path.join(paths.cache, projectPath);
    await mkdir(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      await writeFile(path.join(dir, name), text);
    }
  }
  const project = (p: string, deps: string[]): PlannedProject => ({ path: p,
    name: path.basename(p), dependencies: deps, externalDependencies: [],
    settings: emptySettings() });
  return { projects: [project('libs/alpha', []), project('libs/beta', ['libs/alpha']),
    project('apps/app', ['libs/beta'])], external: [] };
}
