import { describe, expect, it } from 'vitest';
import { buildEnvironment } from '../../src/build/build-environment.js';
import { criticalPathPriorities } from '../../src/build/critical-path.js';
import { relocatePkgConfig } from '../../src/build/staged-pkgconfig.js';
import type { BuildSystemInput } from '../../src/build/systems/build-system-input.js';
import { shellWords } from '../../src/build/systems/build-system-input.js';
import { commandsFor } from '../../src/build/systems/commands-for.js';
import { detectBuildSystem } from '../../src/build/systems/detect-build-system.js';
import { emptySettings, type ProjectSettings } from '../../src/config/settings.js';

function input(settings: Partial<ProjectSettings> = {},
  more: Partial<BuildSystemInput> = {}): BuildSystemInput {
  return { sourceDir: '/src/p', buildDir: '/build/p', prefix: '/opt/kde',
    installTree: '/build/p/install-tree', installToPrefix: true, jobs: 3,
    settings: { ...emptySettings(), ...settings }, sourceFiles: [], configured: false,
    ninja: true, ...more };
}

const lines = (system: Parameters<typeof commandsFor>[0], i: BuildSystemInput): string[] =>
  shellWords(commandsFor(system, i)).map((words) => words.join(' '));

describe('detectBuildSystem', () => {
  it('tells the build system from the files at the top of a checkout', () => {
    expect(detectBuildSystem(['CMakeLists.txt', 'configure'])).toBe('cmake');
    expect(detectBuildSystem(['meson.build'])).toBe('meson');
    expect(detectBuildSystem(['configure.ac', 'Makefile.am'])).toBe('autotools');
    expect(detectBuildSystem(['autogen.sh'])).toBe('autotools');
    expect(detectBuildSystem(['app.pro', 'main.cpp'])).toBe('qmake');
    expect(detectBuildSystem(['README'])).toBeUndefined();
  });
});

describe('command lines', () => {
  it('cmake: Ninja, prefix, build type, flags, launcher, options, staged then prefix install',
    () => {
      expect(lines('cmake', input({ buildType: 'RelWithDebInfo', cflags: '-O2',
        compilerLauncher: 'ccache', cmakeOptions: ['-DBUILD_TESTING=OFF'] }))).toEqual([
        'cmake -S /src/p -B /build/p -G Ninja -DCMAKE_INSTALL_PREFIX=/opt/kde ' +
          '-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER_LAUNCHER=ccache ' +
          '-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_FLAGS=-O2 -DBUILD_TESTING=OFF',
        'cmake --build /build/p --parallel 3',
        'DESTDIR=/build/p/install-tree cmake --install /build/p',
        'cmake --install /build/p',
      ]);
    });

  it('cmake: make without ninja, no generator on a configured dir, stage only for /usr', () => {
    expect(lines('cmake', input({}, { ninja: false }))[0]).toContain('-G Unix Makefiles');
    expect(lines('cmake', input({}, { configured: true }))[0]).not.toContain('-G');
    expect(lines('cmake', input({}, { installToPrefix: false })).slice(2))
      .toEqual(['DESTDIR=/build/p/install-tree cmake --install /build/p']);
  });

  it('meson: setup or reconfigure, Meson build types, install --destdir', () => {
    expect(lines('meson', input({ buildType: 'RelWithDebInfo', mesonOptions: ['-Dx=y'] })))
      .toEqual([
        'meson setup /build/p /src/p --prefix /opt/kde --buildtype debugoptimized -Dx=y',
        'meson compile -C /build/p -j 3',
        'meson install -C /build/p --destdir /build/p/install-tree',
        'meson install -C /build/p',
      ]);
    expect(lines('meson', input({}, { configured: true }))[0])
      .toBe('meson setup --reconfigure /build/p /src/p --prefix /opt/kde');
  });

  it('qmake: PREFIX, qmake variables for flags and launcher, INSTALL_ROOT', () => {
    expect(lines('qmake', input({ qmakeOptions: ['CONFIG+=x'], compilerLauncher: 'icecc' })))
      .toEqual([
        'qmake /src/p PREFIX=/opt/kde QMAKE_CC=icecc gcc QMAKE_CXX=icecc g++ CONFIG+=x',
        'make -j3',
        'make install INSTALL_ROOT=/build/p/install-tree',
        'make install',
      ]);
  });

  it('autotools: autogen.sh only without configure, then configure out of source', () => {
    const withAutogen = lines('autotools', input({ configureFlags: ['--disable-static'] },
      { sourceFiles: ['autogen.sh', 'configure.ac'] }));
    expect(withAutogen).toEqual([
      'NOCONFIGURE=1 sh autogen.sh',
      '/src/p/configure --prefix=/opt/kde --disable-static',
      'make -j3',
      'make install DESTDIR=/build/p/install-tree',
      'make install',
    ]);
    expect(lines('autotools', input({}, { sourceFiles: ['configure'] }))[0])
      .toBe('/src/p/configure --prefix=/opt/kde');
  });

  it('custom: sh -c in the build dir with KAPPY_* and DESTDIR for staging', () => {
    const commands = commandsFor('custom', input({ buildCommand: 'make', installCommand: 'x' }));
    expect(commands.map((c) => [c.phase, c.cwd, c.env?.['DESTDIR']])).toEqual([
      ['build', '/build/p', undefined],
      ['install', '/build/p', '/build/p/install-tree'],
      ['install', '/build/p', ''],
    ]);
    expect(commands[0]?.env).toMatchObject({ KAPPY_SOURCE_DIR: '/src/p',
      KAPPY_BUILD_DIR: '/build/p', KAPPY_PREFIX: '/opt/kde', KAPPY_JOBS: '3' });
  });
});

describe('buildEnvironment', () => {
  const roots = [{ root: '/t/b/usr', libDirs: ['lib', 'lib/x86_64-linux-gnu'] },
    { root: '/t/a/usr', libDirs: ['lib64'] }];

  it('puts the dependencies\' roots in front of the user\'s paths', () => {
    const env = buildEnvironment({ base: { PATH: '/usr/bin', DESTDIR: '/oops' }, roots,
      system: 'cmake', settings: emptySettings() });
    expect(env['CMAKE_PREFIX_PATH']).toBe('/t/b/usr:/t/a/usr');
    expect(env['LD_LIBRARY_PATH']).toBe('/t/b/usr/lib:/t/b/usr/lib/x86_64-linux-gnu:' +
      '/t/a/usr/lib64');
    expect(env['PATH']).toBe('/t/b/usr/bin:/t/a/usr/bin:/usr/bin');
    expect(env['PKG_CONFIG_PATH']?.split(':')).toContain('/t/a/usr/lib64/pkgconfig');
    expect(env['QT_PLUGIN_PATH']?.split(':')).toContain('/t/b/usr/lib/plugins');
    expect(env['QML2_IMPORT_PATH']?.split(':')).toContain('/t/a/usr/lib64/qml');
    expect(env['XDG_DATA_DIRS']).toBe('/t/b/usr/share:/t/a/usr/share:/usr/local/share:' +
      '/usr/share');
    expect(env['DESTDIR']).toBeUndefined();
  });

  it('sets flags, the launcher through CC outside CMake, and the project env last', () => {
    const settings = { ...emptySettings(), cflags: '-O1', compilerLauncher: 'distcc' as const,
      env: { CFLAGS: '-O0', EXTRA: '1' } };
    const env = buildEnvironment({ base: { CC: 'gcc' }, roots: [], system: 'autotools',
      settings });
    expect(env).toMatchObject({ CC: 'distcc gcc', CXX: 'distcc c++', CFLAGS: '-O0',
      EXTRA: '1' });
    expect(buildEnvironment({ base: {}, roots: [], system: 'cmake', settings })['CC'])
      .toBeUndefined();
  });
});

describe('relocatePkgConfig', () => {
  it('moves the variables that point into the prefix under the staged prefix', () => {
    const pc = 'prefix=/usr\nlibdir=/usr/lib/x86_64-linux-gnu\nincludedir=${prefix}/include\n' +
      'other=/opt/x\nName: foo\nCflags: -I${includedir}\n';
    expect(relocatePkgConfig(pc, '/usr', '/tree/usr')).toBe('prefix=/tree/usr\n' +
      'libdir=/tree/usr/lib/x86_64-linux-gnu\nincludedir=${prefix}/include\nother=/opt/x\n' +
      'Name: foo\nCflags: -I${includedir}\n');
    expect(relocatePkgConfig('prefix=/usrx\n', '/usr', '/t')).toBe('prefix=/usrx\n');
  });
});

describe('criticalPathPriorities', () => {
  it('ranks a task by the longest chain of work it holds up', () => {
    const priorities = criticalPathPriorities([
      { id: 'a', dependencies: [] }, { id: 'b', dependencies: ['a'] },
      { id: 'c', dependencies: ['b'] }, { id: 'd', dependencies: ['a'] },
      { id: 's', dependencies: [] }]);
    expect(Object.fromEntries(priorities)).toEqual({ a: 3, b: 2, c: 1, d: 1, s: 1 });

    const weighted = criticalPathPriorities([{ id: 'slow', dependencies: [], weight: 100 },
      { id: 'fast', dependencies: [], weight: 10 }, { id: 'new', dependencies: [] }]);
    expect(weighted.get('new')).toBe(55);
  });
});
