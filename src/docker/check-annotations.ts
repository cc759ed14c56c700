// Dockerfile checks as GitHub annotations, made as build-push-action makes them: buildx writes each check's warning
// into the metadata file (`buildx.build.warnings`), and the build's local state (what buildx keeps on the client
// under its config directory, `refs/BUILDER/NODE/ID`) says which Dockerfile the build read. An annotation names a
// file of the workflow's repository, relative to its root: a Dockerfile in the workspace, or one BuildKit fetched
// from this repository (a Git context). Pure: the caller reads the files.
import path from 'node:path';
import { isObject } from '../is-object.js';
import type { Environment } from '../registry/credentials/credential.js';
import { given, githubServerUrl } from '../runner-variables.js';

/** What `core.warning` gets for one check. */
export interface CheckAnnotation {
  /** The rule's description. */
  title: string;
  /** The rule's message, and where it is documented. */
  message: string;
  file: string;
  startLine?: number;
}

/** The part of buildx's local state of a build that says where its context and Dockerfile were. */
export interface LocalState {
  LocalPath: string;
  DockerfilePath: string;
}

/** The runner's facts an annotation's file is judged against. */
export interface Workspace {
  /** GITHUB_WORKSPACE, or the step's working directory. */
  directory: string;
  /** The host of GITHUB_SERVER_URL (github.com by default). */
  serverHost: string;
  /** GITHUB_REPOSITORY, OWNER/REPO. */
  repository: string;
}

/** The workspace as the runner describes it; a Git context is this repository's only on the runner's own server. */
export function runnerWorkspace(env: Environment, cwd: string): Workspace {
  let serverHost = '';
  try {
    serverHost = new URL(githubServerUrl(env)).host;
  } catch {
    // no Git context matches an unreadable server
  }
  return { directory: given(env.GITHUB_WORKSPACE) ?? cwd, serverHost, repository: env.GITHUB_REPOSITORY ?? '' };
}

/**
 * The Dockerfile a build read, as annotations name it. `absolutePath` is set for one in the workspace, whose content
 * must be the one the check read; a Dockerfile fetched from the repository is not here to compare.
 */
export interface AnnotatedDockerfile {
  file: string;
  absolutePath?: string;
}

/** buildx's config directory: BUILDX_CONFIG, else `buildx` in the docker config directory. */
export function buildxConfigDirectory(env: Environment, dockerConfigFile: string): string {
  return given(env.BUILDX_CONFIG) ?? path.join(path.dirname(dockerConfigFile), 'buildx');
}

/** Where buildx keeps the local state of the build `BUILDER/NODE/ID` (`buildx.build.ref`); undefined for no ref. */
export function localStatePath(ref: unknown, buildxConfigDir: string): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const parts = ref.split('/');
  if (parts.length !== 3 || parts.some((part) => part === '' || part === '.' || part === '..')) return undefined;
  return path.join(buildxConfigDir, 'refs', ...parts);
}

/** A local state file's JSON; a field buildx left out is empty. */
export function parseLocalState(json: unknown): LocalState {
  if (!isObject(json)) throw new Error('the local state is no JSON object');
  const field = (value: unknown): string => (typeof value === 'string' ? value : '');
  return { LocalPath: field(json.LocalPath), DockerfilePath: field(json.DockerfilePath) };
}

/** The Dockerfile a build's checks may be annotated on; undefined when it is no file of this repository. */
export function annotatedDockerfile(state: LocalState, workspace: Workspace): AnnotatedDockerfile | undefined {
  const { contextPath, dockerfilePath } = repairUrlContext(state);
  if (contextPath === '-' || dockerfilePath === '-' || dockerfilePath.endsWith('/-')) return undefined; // stdin
  const url = gitUrl(contextPath);
  if (url) {
    const repository = url.pathname.replace(/^\//, '').replace(/\.git$/, '');
    if (url.host !== workspace.serverHost || repository !== workspace.repository) return undefined;
    // Relative to the repository's root, as the build was told.
    return { file: dockerfilePath === '' ? 'Dockerfile' : dockerfilePath };
  }
  // buildx records no path when the Dockerfile is the context's own.
  const absolutePath = path.resolve(
    workspace.directory,
    dockerfilePath === '' ? path.join(contextPath, 'Dockerfile') : dockerfilePath,
  );
  const file = path.relative(workspace.directory, absolutePath);
  if (file === '' || file.split(path.sep)[0] === '..' || path.isAbsolute(file)) return undefined;
  return { file, absolutePath };
}

/**
 * The annotations of one build's warnings. Only Dockerfile checks have what one needs (a rule's description and
 * message, and the Dockerfile's name and content); each is annotated on the build's Dockerfile when the names agree
 * and, in the workspace, the content the check read is the file's (`content`: base64, as buildx gives it).
 */
export function checkAnnotations(
  warnings: unknown,
  dockerfile: AnnotatedDockerfile,
  content?: string,
): CheckAnnotation[] {
  if (!Array.isArray(warnings)) return [];
  return warnings.flatMap((warning: unknown): CheckAnnotation[] => {
    const check = readWarning(warning);
    if (!check || !dockerfile.file.endsWith(check.sourceFile)) return [];
    if (dockerfile.absolutePath !== undefined && check.sourceData !== content) return [];
    const annotation: CheckAnnotation = {
      title: check.detail.map(decode).join(' '),
      // The line is the annotation's own field.
      message: decode(check.short).replace(/\s\(line \d+\)$/, '') + (check.url ? `\nMore info: ${check.url}` : ''),
      file: dockerfile.file,
    };
    // GitHub shows no line ranges: the first line of the first range.
    if (check.startLine !== undefined) annotation.startLine = check.startLine;
    return [annotation];
  });
}

/** Annotations without repeats: each platform's build of one Dockerfile reports the same checks. */
export function distinctAnnotations(annotations: CheckAnnotation[]): CheckAnnotation[] {
  const byKey = new Map(
    annotations.map((a) => [JSON.stringify([a.file, a.startLine, a.title, a.message]), a] as const),
  );
  return [...byKey.values()];
}

interface Check {
  short: string;
  detail: string[];
  url?: string;
  sourceFile: string;
  sourceData: string;
  startLine?: number;
}

/** A warning (BuildKit's client.VertexWarning as Go marshals it: bytes as base64) that names its source file. */
function readWarning(value: unknown): Check | undefined {
  if (!isObject(value) || !isObject(value.sourceInfo)) return undefined;
  const { short, url } = value;
  const { filename, data } = value.sourceInfo;
  const detail = list(value.detail);
  if (typeof short !== 'string' || short === '' || !detail?.every((line) => typeof line === 'string')) return undefined;
  if (typeof filename !== 'string' || filename === '' || typeof data !== 'string' || data === '') return undefined;
  const [first] = list(value.range) ?? [];
  const start = isObject(first) && isObject(first.start) ? first.start.line : undefined;
  return {
    short,
    detail,
    ...(typeof url === 'string' && url !== '' ? { url } : {}),
    sourceFile: filename,
    sourceData: data,
    ...(typeof start === 'number' ? { startLine: start } : {}),
  };
}

/**
 * buildx before 0.16.1 recorded a URL context as a path under the working directory (`/work/https:/github.com/…`),
 * and the Dockerfile under that path: the URL is taken back out of both.
 */
function repairUrlContext(state: LocalState): { contextPath: string; dockerfilePath: string } {
  const match = /^(.*?\/)((?:https?|ssh|git):\/\/?\S+)$/i.exec(state.LocalPath);
  if (!match?.[1] || !match[2]) return { contextPath: state.LocalPath, dockerfilePath: state.DockerfilePath };
  const [, prefix, url] = match;
  return {
    contextPath: url.replace(/^([a-z]+):\/(?!\/)/i, '$1://'),
    dockerfilePath: state.DockerfilePath.startsWith(prefix)
      ? state.DockerfilePath.slice(prefix.length)
      : state.DockerfilePath,
  };
}

/** A context that is a Git URL BuildKit fetches (http, https, ssh or git); undefined for a local path. */
function gitUrl(context: string): URL | undefined {
  if (!/^(https?|ssh|git):\/\//i.test(context)) return undefined;
  try {
    return new URL(context);
  } catch {
    return undefined;
  }
}

function list(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? (value as unknown[]) : undefined;
}

function decode(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8');
}
