import path from 'node:path';

export type Env = Record<string, string | undefined>;

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** The scheme of a URL-looking source (`https`, `file`, …), else undefined. */
export function urlScheme(value: string): string | undefined {
  return URL_SCHEME.exec(value)?.[1]?.toLowerCase();
}

/**
 * Makes a path from a config file absolute: `~` and `~/…` are the user's
 * HOME, relative paths are relative to `baseDir` (the config file's folder).
 * Returns undefined when `~` is used but HOME is not set.
 */
export function resolvePath(value: string, baseDir: string, env: Env): string | undefined {
  if (value === '~' || value.startsWith('~/')) {
    const home = env['HOME'];
    if (!home) return undefined;
    return path.join(home, value.slice(1));
  }
  return path.resolve(baseDir, value);
}

/** A path shown relative to `cwd` when it lies inside it, as users typed it. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return inside ? relative : file;
}

/**
 * An XDG base directory: `$XDG_CONFIG_HOME`-style variable `name` when it is
 * absolute (the spec says a relative one is invalid and must be ignored),
 * else `$HOME/<fallback>`; undefined without either.
 */
export function xdgDirectory(env: Env, name: string, fallback: string): string | undefined {
  const xdg = env[name];
  if (xdg && path.isAbsolute(xdg)) return xdg;
  const home = env['HOME'];
  return home ? path.join(home, fallback) : undefined;
}
