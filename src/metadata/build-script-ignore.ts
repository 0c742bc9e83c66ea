/**
 * Reads an ignore list: kde-build-metadata's `build-script-ignore` or
 * repo-metadata's `ignore-kde-projects`. One project path per line; `#`
 * starts a comment, also after a path; blank lines are skipped.
 */
export function parseIgnoreList(text: string): string[] {
  const entries: string[] = [];
  for (const raw of text.split('\n')) {
    const hash = raw.indexOf('#');
    const entry = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (entry !== '') entries.push(entry);
  }
  return entries;
}
