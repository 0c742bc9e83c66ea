/**
 * The packager plugin interface. A packager turns one project's install tree
 * (a DESTDIR staging directory) into package files for one distribution.
 * Built-in packagers live next to this file; third-party ones are npm
 * packages (`kappy-packager-NAME`) or paths named in the config.
 */

export interface PackageInput {
  project: { path: string; name: string; description?: string };
  /** Absolute path of the install tree; packagers never modify it. */
  installTree: string;
  /** Raw version (`git describe` output or an override); each packager sanitises it. */
  version: string;
  /** The `[package.<distro>]` table after precedence. */
  settings: Record<string, unknown>;
  /** Absolute directory the package files go to (`<paths.packages>/<distro>`). */
  outputDir: string;
  /** The project's source checkout, for docs a packager copies (README, COPYING). */
  sourceDir?: string;
}

export interface Packager {
  name: string;
  /** Turn one install tree into package files; returns the absolute files written. */
  createPackage(input: PackageInput): Promise<string[]>;
}
