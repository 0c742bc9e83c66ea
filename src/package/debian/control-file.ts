import { normalizeSpaces, summarize, wrapText } from '../describe-text.js';

export interface ControlFields {
  packageName: string;
  version: string;
  architecture: string;
  maintainer: string;
  /** KiB, as dpkg counts it. */
  installedSize: number;
  description?: string;
  projectPath: string;
  depends?: string;
  section?: string;
  priority?: string;
}

/**
 * The binary package's `control` file. Description: a one-line summary,
 * then the long description wrapped, each line indented by one space.
 */
export function createControlFile(fields: ControlFields): string {
  const lines = [
    `Package: ${fields.packageName}`,
    `Version: ${fields.version}`,
    `Architecture: ${fields.architecture}`,
    `Maintainer: ${fields.maintainer}`,
    `Installed-Size: ${fields.installedSize}`,
  ];
  if (fields.depends) lines.push(`Depends: ${fields.depends}`);
  if (fields.section) lines.push(`Section: ${fields.section}`);
  if (fields.priority) lines.push(`Priority: ${fields.priority}`);

  lines.push(...describePackage(fields.description, fields.projectPath));
  return lines.join('\n') + '\n';
}

function describePackage(description: string | undefined, projectPath: string): string[] {
  const text = normalizeSpaces(description ?? '');
  const summary = text === '' ? `${projectPath}, built by kappy` : summarize(text);
  const body = text === '' || text === summary || text === `${summary}.`
    ? [`Built by kappy from the KDE project ${projectPath}.`]
    : wrapText(text, 78);
  return [`Description: ${summary}`, ...body.map((line) => ` ${line}`)];
}
