import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import { ConfigError } from '../core/errors.js';
import { resolvePath, xdgDirectory, type Env } from './resolve-path.js';

/**
 * Where the config lives: the `--config` file (which must exist), else
 * `<cwd>/kappy.toml`, else `$XDG_CONFIG_HOME/kappy/config.toml` (default
 * `~/.config`); undefined when there is none and defaults apply.
 */
export function findConfigFile(options: { configFile?: string; cwd: string; env: Env }):
  string | undefined {
  const { configFile, cwd, env } = options;
  if (configFile !== undefined) return checkGivenFile(configFile, cwd, env);

  const candidates = [path.join(cwd, 'kappy.toml')];
  const configHome = xdgDirectory(env, 'XDG_CONFIG_HOME', '.config');
  if (configHome !== undefined) candidates.push(path.join(configHome, 'kappy', 'config.toml'));

  return candidates.find(isFile);
}

function checkGivenFile(configFile: string, cwd: string, env: Env): string {
  const file = resolvePath(configFile, cwd, env) ?? path.resolve(cwd, configFile);
  if (!existsSync(file)) {
    throw new ConfigError(`config file ${JSON.stringify(configFile)} (given with --config) `
      + `does not exist (looked for ${file}); check the path or drop --config`);
  }
  return file;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
