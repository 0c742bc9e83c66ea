import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { repoRoot } from '../helpers/run-kappy.js';

describe('the sample kappy.toml in the README', () => {
  it('is a valid config', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const sample = /```toml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(sample).toBeDefined();

    const config = parseConfig(sample!, '/home/dev/kappy.toml', { HOME: '/home/dev' });

    expect(config.metadata.branchGroup).toBe('kf5-qt5');
    expect(config.paths.cache).toBe('/home/dev/kde/src');
    expect(config.settings.compilerLauncher).toBe('ccache');
    expect(config.projectSettings.map((p) => p.selector)).toEqual(['kcoreaddons']);
  });
});
