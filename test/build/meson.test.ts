import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProjects, installTreeOf } from '../../src/build/build-projects.js';
import { emptySettings } from '../../src/config/settings.js';
import { MemoryReporter } from '../../src/core/reporter.js';
import { makeWorkspace } from './build-fixtures.js';

const hasMeson = spawnSync('meson', ['--version']).status === 0;

const MESON_BUILD = `project('greeter', 'c', version: '0.3.0')
executable('greeter', 'greeter.c',
  c_args: ['-DGREETING="' + get_option('greeting') + '"'], install: true)
`;

// A real Meson project, detected from meson.build: setup with the prefix and
// build type, compile, staged install with --destdir, then the prefix install.
describe.skipIf(!hasMeson)('meson', () => {
  it('builds a Meson project with its options and installs it twice', async () => {
    const paths = await makeWorkspace();
    const source = path.join(paths.cache, 'tools/greeter');
    await mkdir(source, { recursive: true });
    await writeFile(path.join(source, 'meson.build'), MESON_BUILD);
    await writeFile(path.join(source, 'meson_options.txt'),
      "option('greeting', type: 'string', value: 'hello')\n");
    await writeFile(path.join(source, 'greeter.c'), '#include <stdio.h>\n' +
      'int main(void) { puts(GREETING); return 0; }\n');

    const plan = { external: [], projects: [{ path: 'tools/greeter', name: 'greeter',
      dependencies: [], externalDependencies: [], settings: { ...emptySettings(),
        buildType: 'RelWithDebInfo', mesonOptions: ['-Dgreeting=moin'] } }] };
    const summary = await buildProjects(plan, { paths, jobs: 2, onFailure: 'continue',
      reporter: new MemoryReporter() });

    expect(summary.ok, JSON.stringify(summary.results)).toBe(true);
    const installed = path.join(paths.install, 'bin/greeter');
    expect(execFileSync(installed, { encoding: 'utf8' })).toBe('moin\n');
    expect(existsSync(path.join(installTreeOf(paths, 'tools/greeter'), installed))).toBe(true);
    const options = execFileSync('meson', ['introspect', '--buildoptions',
      path.join(paths.build, 'tools/greeter')], { encoding: 'utf8' });
    const buildtype = (JSON.parse(options) as { name: string; value: unknown }[])
      .find((o) => o.name === 'buildtype');
    expect(buildtype?.value).toBe('debugoptimized');
  });
});
