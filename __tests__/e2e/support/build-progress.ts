// What the builds of a step did with each Dockerfile step, per platform, read from buildx's own progress output.
// With BUILDKIT_PROGRESS=rawjson in the step's environment, every `buildx build` the action runs prints BuildKit's
// solve status as JSON (the action passes no --progress, and buildx's default, auto, takes the variable): a vertex
// per Dockerfile step, named `[<platform> <n>/<total>] <instruction>` (without the platform when the build has only
// one), marked `cached` when BuildKit took it from cache. buildx 0.29 prints a JSON object a line, 0.13 indents it
// over several; a fan-out step echoes each build's lines under a `[<platform>] ` prefix.
import { isObject } from '../../../src/is-object.js';

/** The environment that makes buildx print its progress as JSON. */
export const RAWJSON_PROGRESS: Readonly<Record<string, string>> = { BUILDKIT_PROGRESS: 'rawjson' };

export type StepOutcome = 'cached' | 'executed' | 'failed' | 'unfinished';

export interface DockerfileStep {
  platform: string;
  /** The step's number as buildx shows it: 1 is the FROM. */
  number: number;
  /** The instruction as written in the Dockerfile, e.g. `RUN uname -m > /arch`. */
  instruction: string;
  outcome: StepOutcome;
}

/** The parts of a vertex of BuildKit's SolveStatus read here. */
interface Vertex {
  digest: string;
  name?: string;
  cached?: boolean;
  completed?: string;
  error?: string;
}

/** `[linux/arm64 2/5] RUN …` or `[2/5] RUN …` (a stage name, as in `[build 2/5]`, would sit before the numbers). */
const STEP_NAME = /^\[(?:(\w+\/\w+(?:\/\w+)?) )?(\d+)\/\d+\] (.*)$/s;
/** The prefix a fan-out step puts before each line of one build's output. */
const BUILD_PREFIX = /^\[(\w+\/\w+(?:\/\w+)?)\] (.*)$/s;

/**
 * Every Dockerfile step the builds printed in `log`, one entry per step and platform, ordered by platform and step.
 * `platform` names the platform of a build whose output says none (a single-platform build, unprefixed: a shard).
 */
export function dockerfileSteps(log: string, platform?: string): DockerfileStep[] {
  const steps = new Map<string, DockerfileStep & { updates: Vertex[] }>();
  for (const { buildPlatform, vertexes } of solveStatuses(log)) {
    for (const vertex of vertexes) {
      const name = STEP_NAME.exec(vertex.name ?? '');
      if (!name) continue;
      const [, namedPlatform, number = '', instruction = ''] = name;
      const stepPlatform = namedPlatform ?? buildPlatform ?? platform;
      if (stepPlatform === undefined) throw new Error(`the output names no platform for the step ${vertex.name ?? ''}`);
      // A vertex is reported again on each change (started, completed, cached): its digest ties the reports.
      const key = `${stepPlatform} ${vertex.digest}`;
      const step = steps.get(key) ?? {
        platform: stepPlatform,
        number: Number(number),
        instruction,
        outcome: 'unfinished',
        updates: [],
      };
      step.updates.push(vertex);
      steps.set(key, step);
    }
  }
  return [...steps.values()]
    .map(({ updates, ...step }) => ({ ...step, outcome: outcomeOf(updates) }))
    .sort((a, b) => a.platform.localeCompare(b.platform) || a.number - b.number);
}

function outcomeOf(updates: Vertex[]): StepOutcome {
  if (updates.some((vertex) => vertex.cached === true)) return 'cached';
  if (updates.some((vertex) => vertex.error)) return 'failed';
  return updates.some((vertex) => vertex.completed) ? 'executed' : 'unfinished';
}

/** The vertexes of each JSON status in `log`, with the platform of the build whose line prefix it came under. */
function* solveStatuses(log: string): Generator<{ buildPlatform: string | undefined; vertexes: Vertex[] }> {
  // Lines of a JSON value begun but not yet complete, per build (a fan-out's builds interleave their lines).
  const pending = new Map<string, string[]>();
  for (const line of log.split('\n')) {
    const prefixed = BUILD_PREFIX.exec(line);
    const buildPlatform = prefixed?.[1];
    const text = prefixed?.[2] ?? line;
    const stream = buildPlatform ?? '';
    // A value starts at a `{` in the first column: an indented status's inner lines all start with spaces.
    if (text.startsWith('{')) pending.set(stream, []);
    const lines = pending.get(stream);
    if (lines === undefined) continue;
    lines.push(text);
    const status = parsedObject(lines.join('\n'));
    if (status === undefined) continue;
    pending.delete(stream);
    if (Array.isArray(status.vertexes)) yield { buildPlatform, vertexes: status.vertexes as Vertex[] };
  }
}

/** The JSON object `text` holds, or undefined while it holds only the start of one (or anything else). */
function parsedObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isObject(value) ? value : undefined;
}
