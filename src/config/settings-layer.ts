import type { ProjectSettings } from './settings.js';

/**
 * What one layer (config, recipe, per-project table, command line) says about
 * a project's settings. Absent fields leave the layers below in effect.
 */
export type SettingsLayer = Partial<ProjectSettings>;

/** A `[project."<selector>"]` table: settings for the projects it selects. */
export interface ProjectSettingsLayer {
  selector: string;
  settings: SettingsLayer;
}
