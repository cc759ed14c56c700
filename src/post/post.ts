// The post step, run always (post-if: always()): publish what main finished, then clean up what this run
// created (and the leftovers the user listed, and stale temporary tags of crashed runs). It never throws: a failed
// publish fails the step; a failed cleanup is a warning that says what was left behind and how to remove it. Every
// guard fails closed: a tag whose state could not be checked is kept, and the summary says so.
import * as core from '@actions/core';
import { cleanUpEngine } from './engine-cleanup.js';
import { summaryMarkdown, type PostReport } from './summary.js';
import { TagCleaner, type TagReading } from './tag-cleaner.js';
import { Input } from '../constants.js';
import { DockerCli } from '../docker/cli.js';
import { errorMessage } from '../error-message.js';
import { PublishIncompleteError, publishTags } from '../image-index/publish.js';
import type { RunIdentity } from '../plan/temporary-tag.js';
import type { TaggedReference } from '../reference.js';
import { createRegistryClient } from '../registry/access.js';
import type { FetchedManifest, RegistryClient } from '../registry/client.js';
import { isImageIndex, type Manifest } from '../registry/types.js';
import { phase, runIdentity } from '../runtime.js';
import { loadRunState, stateTags, type RunState, type StateTags } from '../state.js';

/** The post step, with main's state: it never throws, anything unforeseen is a warning. */
export async function runPostStep(): Promise<void> {
  try {
    const state = loadRunState();
    if (state) await post(state);
    else core.info('Main saved no state: nothing to publish or clean up.');
  } catch (error) {
    // What cleanup could not do is said in its own warnings; this one names what went wrong.
    core.warning(`post step: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

async function post(state: RunState): Promise<void> {
  const report: PostReport = { published: [], deleted: [], leftBehind: [], skipped: [], notes: [] };
  const registry = createRegistryClient();
  const tags = stateTags(state);
  const index = await readIndex(state, tags.final, registry);
  const run = runIdentity();

  await phase(state.timings, 'Publish and clean up', async () => {
    if (!state.cleanup) {
      await publishIfDue(state, tags.final, index?.bytes, report, registry);
      if (state.temporaryTags.length > 0) {
        report.leftBehind.push(...state.temporaryTags);
        core.info(`cleanup is false: leaving ${state.temporaryTags.join(', ')}`);
      }
      return;
    }
    const githubToken = core.getInput(Input.GithubToken);
    const cleaner = new TagCleaner(
      registry,
      report,
      protectedDigests(state, index?.json),
      state.index?.digest,
      githubToken === '' ? undefined : { token: githubToken },
    );
    // Read before anything is published: a leftover is deleted only while it still points where it did then.
    const leftovers = await cleaner.read(tags.cleanup);
    // Publishing and cleanup touch different tags, so they run together.
    const publishing = publishIfDue(state, tags.final, index?.bytes, report, registry);
    // The registry's tags and the engine's builder and images are apart: they are cleaned up together.
    await Promise.all([
      cleanUpRegistry(state, tags, cleaner, publishing, leftovers, run),
      cleanUpEngine(state, new DockerCli(), report, run),
    ]);
  });
  await core.summary.addRaw(summaryMarkdown(state, report)).write();
}

/** The index main pushed, read back once: post publishes its bytes and protects everything it references. */
async function readIndex(
  state: RunState,
  finalTags: TaggedReference[],
  registry: RegistryClient,
): Promise<Pick<FetchedManifest, 'bytes' | 'json'> | undefined> {
  const [first] = finalTags;
  if (!state.index || first === undefined) return undefined;
  try {
    return await registry.getManifest(first, state.index.digest);
  } catch (error) {
    core.warning(`Could not read the index ${state.index.digest}: ${errorMessage(error)}`);
    return undefined;
  }
}

/**
 * The index this run pushed and every manifest it references: no deletion may ever remove one of them, whatever
 * tag or package version points at it.
 */
function protectedDigests(state: RunState, index: Manifest | undefined): Set<string> {
  const digests = new Set<string>(Object.values(state.platformDigests));
  if (state.index) digests.add(state.index.digest);
  if (index && isImageIndex(index)) for (const child of index.manifests) digests.add(child.digest);
  return digests;
}

/**
 * Publishes when it is post's to do (publish: post), or when main's publish did not finish (main recorded the
 * verified index, then failed or was stopped while publishing): a tag PUT of the same bytes is idempotent, so post
 * tries again. When tags still differ, the error and the summary say where each points and how to finish.
 */
async function publishIfDue(
  state: RunState,
  finalTags: TaggedReference[],
  indexBytes: Buffer | undefined,
  report: PostReport,
  registry: RegistryClient,
): Promise<void> {
  if (state.published) {
    report.published.push(...state.finalTags);
    return;
  }
  if (state.publish === 'false') return;
  const index = state.index;
  if (!state.mainCompleted || !index) {
    if (state.publish === 'post') {
      report.notes.push('main did not finish every build: nothing was published');
      core.info('Main did not finish every build: nothing is published.');
    }
    return;
  }
  if (state.publish === 'main') {
    report.notes.push("main's publish did not finish: post tried again");
    core.info("Main's publish did not finish: publishing again.");
  }
  try {
    if (!indexBytes) throw new Error(`the index ${index.digest} could not be read back from the registry`);
    const published = await publishTags(finalTags, { descriptor: index, bytes: indexBytes }, registry);
    report.published.push(...published);
    state.published = true;
  } catch (error) {
    if (error instanceof PublishIncompleteError) report.incompletePublish = error;
    core.setFailed(`Publishing ${index.digest} failed: ${errorMessage(error)}`);
  }
}

/** The tags this run created, the stale tags of crashed runs, and, once published, the user's leftovers. */
async function cleanUpRegistry(
  state: RunState,
  tags: StateTags,
  cleaner: TagCleaner,
  publishing: Promise<void>,
  leftovers: Map<string, TagReading>,
  run: RunIdentity,
): Promise<void> {
  await Promise.all([
    ...[...tags.temporary].map(([text, tag]) => {
      const expectedDigest = state.temporaryTagDigests[text];
      return cleaner.delete(tag, expectedDigest ? { expectedDigest } : { present: temporaryTagsPresent(state) });
    }),
    state.staleTagHours > 0 ? cleaner.deleteStale(state, tags.final, run.runId) : undefined,
    publishing.then(async () => {
      if (state.published) await cleaner.deleteLeftovers(tags, leftovers);
      else if (state.cleanupTags.length > 0) cleaner.report.notes.push('cleanup-tags were kept: nothing was published');
    }),
  ]);
}

/**
 * This job pushed its temporary tags itself and finished every build, so they are all there: no HEAD of each
 * before its deletion. A merge job's were pushed by other jobs, and may be gone already (e.g. on a re-run).
 */
function temporaryTagsPresent(state: RunState): boolean {
  return state.mainCompleted && state.mode !== 'merge';
}
