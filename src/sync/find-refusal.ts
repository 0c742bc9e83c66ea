/**
 * Metadata comes from the network, so every value that reaches a git command
 * line or a file system path is checked first. Each function returns why a
 * value is refused, or undefined when it is acceptable. Pure: no fs, no git.
 */
import type { PlannedProject } from '../graph/build-plan.js';

const ALLOWED_TRANSPORTS = ['https', 'http', 'git', 'ssh', 'file'];
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f]/;
const REMOTE_HELPER = /^([A-Za-z][A-Za-z0-9+.-]*)::/;
const URL_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
// `[user@]host:path`, which git reads as ssh when no `/` comes before the colon.
const SCP_LIKE = /^(?:([^@/]+)@)?([^/:]+):/;

/** Why this project may not be synced, or undefined. Names the bad value. */
export function findRefusal(project: PlannedProject): string | undefined {
  const { tag, commit } = project.settings;
  return (
    findPathRefusal(project.path) ??
    findNameRefusal(project.name) ??
    (project.repository === undefined ? undefined : findUrlRefusal(project.repository)) ??
    (project.branch === undefined ? undefined : findRefRefusal('branch', project.branch)) ??
    (tag === undefined ? undefined : findRefRefusal('tag', tag)) ??
    (commit === undefined ? undefined : findCommitRefusal(commit))
  );
}

export function findPathRefusal(projectPath: string): string | undefined {
  const quoted = JSON.stringify(projectPath);
  if (projectPath === '') return 'the project path is empty';
  if (projectPath.startsWith('/')) return `project path ${quoted} is absolute`;
  if (CONTROL.test(projectPath)) {
    return `project path ${quoted} contains control characters`;
  }
  if (projectPath.includes('\\')) return `project path ${quoted} contains a backslash`;

  const segments = projectPath.split('/');
  if (segments.includes('..')) return `project path ${quoted} contains ".."`;
  if (segments.includes('')) return `project path ${quoted} has an empty segment`;
  // `.git` or `.x.kappy-tmp-…` inside the cache would let one project write
  // into another's repository or into kappy's own temp directories.
  if (segments.some((s) => s.startsWith('.'))) {
    return `project path ${quoted} has a segment starting with "."`;
  }
  if (segments.some((s) => s.startsWith('-'))) {
    return `project path ${quoted} has a segment starting with "-"`;
  }
  return undefined;
}

export function findNameRefusal(name: string): string | undefined {
  if (name === '') return 'the project name is empty';
  if (name.startsWith('-')) return `project name ${JSON.stringify(name)} starts with "-"`;
  return undefined;
}

export function findUrlRefusal(url: string): string | undefined {
  const quoted = JSON.stringify(url);
  if (url === '') return 'the repository URL is empty';
  if (url.startsWith('-')) return `repository URL ${quoted} starts with "-"`;
  const helper = REMOTE_HELPER.exec(url);
  if (helper) return refuseTransport(quoted, helper[1] ?? '');
  if (CONTROL_OR_SPACE.test(url)) {
    return `repository URL ${quoted} contains whitespace or control characters`;
  }

  const scheme = URL_SCHEME.exec(url);
  if (scheme) return findSchemeUrlRefusal(url, (scheme[1] ?? '').toLowerCase());

  const scp = SCP_LIKE.exec(url);
  if (scp) {
    const [, user, host] = scp;
    if (user?.startsWith('-') || host?.startsWith('-')) {
      return `repository URL ${quoted} has a user or host starting with "-"`;
    }
    return undefined;
  }
  return `repository URL ${quoted} is a local path; write it as a file:// URL`;
}

function findSchemeUrlRefusal(url: string, transport: string): string | undefined {
  const quoted = JSON.stringify(url);
  if (!ALLOWED_TRANSPORTS.includes(transport)) return refuseTransport(quoted, transport);

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `repository URL ${quoted} is not a valid URL`;
  }
  if (parsed.hostname.startsWith('-') || decodeURIComponent(parsed.username).startsWith('-')) {
    return `repository URL ${quoted} has a user or host starting with "-"`;
  }
  return undefined;
}

function refuseTransport(quotedUrl: string, transport: string): string {
  return (
    `repository URL ${quotedUrl} uses transport "${transport}"; ` +
    `only ${ALLOWED_TRANSPORTS.join(', ')} are allowed`
  );
}

/** A subset of `git check-ref-format`: enough to keep values off the option parser. */
export function findRefRefusal(kind: 'branch' | 'tag', ref: string): string | undefined {
  const quoted = JSON.stringify(ref);
  if (ref === '') return `the ${kind} name is empty`;
  if (ref.startsWith('-')) return `${kind} ${quoted} starts with "-"`;
  const bad =
    /[\s\u0000-\u001f\u007f~^:?*[\\]/.test(ref) ||
    ref.includes('..') ||
    ref.includes('@{') ||
    ref.includes('//') ||
    ref.startsWith('/') ||
    ref.endsWith('/') ||
    ref.endsWith('.') ||
    ref.endsWith('.lock');
  return bad ? `${kind} ${quoted} is not a valid git ref name` : undefined;
}

export function findCommitRefusal(commit: string): string | undefined {
  if (/^[0-9a-f]{7,64}$/i.test(commit)) return undefined;
  return `commit ${JSON.stringify(commit)} is not a hexadecimal commit id (7 to 64 digits)`;
}
