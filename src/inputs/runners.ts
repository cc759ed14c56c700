// The matrix plan for native runners: which runner builds each platform, from `platform-prefix=runner` entries. Pure;
// the workflow feeds the plan to `strategy.matrix` with fromJSON, and each leg's `runs-on` takes its runner as it is.
import { formatPlatform, normalizePlatform, parsePlatform, PlatformError, type Platform } from '../platform.js';

/**
 * What `runs-on` takes: one label, labels a runner must all have, or a runner group (with labels to choose within it).
 * The last two are written as JSON and stay JSON values in the plan: `runs-on` would read their text as one label.
 */
export type Runner = string | string[] | RunnerGroup;

export interface RunnerGroup {
  group?: string;
  labels?: string | string[];
}

export interface RunnerMap {
  /** Runner by platform prefix, spelled canonically: `linux/arm` (every arm variant) or a full platform. */
  byPrefix: ReadonlyMap<string, Runner>;
  /** The runner of platforms that no prefix matches. */
  default?: Runner;
}

export interface MatrixPlan {
  include: { platform: string; runner: Runner }[];
}

/**
 * GitHub-hosted runners, used when no entry is given. 32-bit arm goes to the arm64 runner too: those CPUs cannot
 * run it natively either, so it is emulated there as it would be anywhere.
 */
export const DEFAULT_RUNNERS: readonly string[] = [
  'linux/arm64=ubuntu-24.04-arm',
  'linux/arm=ubuntu-24.04-arm',
  'default=ubuntu-24.04',
];

export class RunnersError extends Error {
  override name = 'RunnersError';
}

const DEFAULT_KEY = 'default';
const EXPECTED_FORM =
  'expected platform-prefix=runner-label, e.g. linux/arm64=ubuntu-24.04-arm or linux/arm=ubuntu-24.04-arm, ' +
  'or default=runner-label';
const JSON_FORM =
  'a JSON array of labels, e.g. ["self-hosted", "arm64"], or a runner group, e.g. {"group": "arm-runners"} or ' +
  '{"group": "arm-runners", "labels": ["linux", "arm64"]}';

/**
 * Parses `platform-prefix=runner` and `default=runner` entries, a runner being a label or `runs-on`'s JSON forms (see
 * Runner); no entries means DEFAULT_RUNNERS.
 */
export function parseRunners(lines: readonly string[]): RunnerMap {
  const entries = lines.map((line) => line.trim()).filter((line) => line !== '');
  if (entries.length === 0) return parseRunners(DEFAULT_RUNNERS);

  const byPrefix = new Map<string, Runner>();
  let defaultRunner: Runner | undefined;
  const entryOf = new Map<string, string>();
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals === -1) throw new RunnersError(`runner entry "${entry}" has no "=" (${EXPECTED_FORM})`);
    const key = entry.slice(0, equals).trim();
    const label = entry.slice(equals + 1).trim();
    if (label === '') throw new RunnersError(`runner entry "${entry}" has no runner label (${EXPECTED_FORM})`);
    const prefix = key.toLowerCase() === DEFAULT_KEY ? DEFAULT_KEY : parsePrefix(key, entry);
    const runner = parseRunner(label, entry);

    const earlier = entryOf.get(prefix);
    if (earlier !== undefined) {
      throw new RunnersError(`runner entries "${earlier}" and "${entry}" both name ${prefix} (expected one each)`);
    }
    entryOf.set(prefix, entry);
    if (prefix === DEFAULT_KEY) defaultRunner = runner;
    else byPrefix.set(prefix, runner);
  }
  return { byPrefix, ...(defaultRunner === undefined ? {} : { default: defaultRunner }) };
}

/**
 * One matrix entry per platform. The most specific matching prefix wins (`linux/arm/v7` over `linux/arm` over
 * `default`); a platform nothing matches is an error naming it.
 */
export function planMatrix(platforms: Platform[], runners: RunnerMap): MatrixPlan {
  const include: MatrixPlan['include'] = [];
  const unmatched: string[] = [];
  for (const platform of platforms) {
    const name = formatPlatform(normalizePlatform(platform));
    const runner = runnerFor(name, runners);
    if (runner === undefined) unmatched.push(name);
    else include.push({ platform: name, runner });
  }
  const [firstUnmatched] = unmatched;
  if (firstUnmatched !== undefined) {
    throw new RunnersError(
      `no runner for ${unmatched.join(', ')}: add an entry such as ${firstUnmatched}=runner-label, or ` +
        'default=runner-label, to "runners"',
    );
  }
  return { include };
}

/** A label as it is; a value starting with [ or { is `runs-on`'s JSON form, checked here rather than at job start. */
function parseRunner(text: string, entry: string): Runner {
  if (!text.startsWith('[') && !text.startsWith('{')) return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RunnersError(`runner entry "${entry}": ${text} is not JSON (expected ${JSON_FORM})`);
  }
  if (isLabels(value) || isRunnerGroup(value)) return value;
  throw new RunnersError(`runner entry "${entry}": ${text} is not a runner (expected ${JSON_FORM})`);
}

function isLabels(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every(isLabel);
}

function isLabel(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isRunnerGroup(value: unknown): value is RunnerGroup {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { group, labels, ...others } = value as Record<string, unknown>;
  if (Object.keys(others).length > 0 || (group === undefined && labels === undefined)) return false;
  return (group === undefined || isLabel(group)) && (labels === undefined || isLabel(labels) || isLabels(labels));
}

/** `os/arch` (any variant) or a full platform, in canonical spelling (aliases resolved, baseline variants dropped). */
function parsePrefix(text: string, entry: string): string {
  const components = text.split('/').length;
  if (components < 2 || components > 3) {
    throw new RunnersError(
      `runner entry "${entry}": "${text}" is not a platform prefix (expected os/arch or os/arch/variant, e.g. ` +
        'linux/arm or linux/arm/v7, or default)',
    );
  }
  try {
    const platform = parsePlatform(text);
    // os/arch stands for every variant: parsePlatform would read a bare linux/arm as linux/arm/v7.
    return components === 2 ? `${platform.os}/${platform.architecture}` : formatPlatform(platform);
  } catch (error) {
    if (error instanceof PlatformError) throw new RunnersError(`runner entry "${entry}": ${error.message}`);
    throw error;
  }
}

function runnerFor(platform: string, runners: RunnerMap): Runner | undefined {
  const components = platform.split('/');
  let best: { length: number; runner: Runner } | undefined;
  for (const [prefix, runner] of runners.byPrefix) {
    const prefixComponents = prefix.split('/');
    const matches = prefixComponents.every((component, i) => component === components[i]);
    if (matches && prefixComponents.length > (best?.length ?? 0)) best = { length: prefixComponents.length, runner };
  }
  return best?.runner ?? runners.default;
}
