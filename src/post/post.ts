// The post step, run always (post-if: always()): publish what main finished, then clean up what this run
// created (and the leftovers the user listed, and stale temporary tags of crashed runs). It never throws: a failed
// publish fails the step; a failed cleanup is a warning that says what was left behind and how to remove it. Every
// guard fails closed: a tag whose state could not be checked is kept, and the summary says so.
import * as core from '@actions/core';
import { Input } from '../constants.js';
import { DockerCli } from '../docker/cli.js';
import { createdBuilderPrefix } from '../docker/builder.js';
import { parseTemporaryTag, type RunIdentity } from '../plan/temporary-tag.js';
import { PublishIncompleteError, publishTags } from '../image-index/publish.js';
import { canonicalReference, formatName, formatReference, parseReference, type ImageReference } from '../reference.js';
import { createRegistryClient } from '../registry/access.js';
import { TagDeleter, TagMovedError, type DeleteTagOptions } from '../registry/cleanup/tag-deletion.js';
import type { FetchedManifest, RegistryClient } from '../registry/client.js';
import { isImageIndex, type Manifest } from '../registry/types.js';
import { phase, runIdentity } from '../runtime.js';
import { loadRunState, type RunState } from '../state.js';
import { summaryMarkdown, type PostReport } from './summary.js';
import { errorMessage } from '../error-message.js';

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
  const index = await readIndex(state, registry);
  const run = runIdentity();

  await phase(state.timings, 'Publish and clean up', async () => {
    if (!state.cleanup) {
      await publishIfDue(state, index?.bytes, report, registry);
      if (state.temporaryTags.length > 0) {
        report.leftBehind.push(...state.temporaryTags);
        core.info(`cleanup is false: leaving ${state.temporaryTags.join(', ')}`);
      }
      return;
    }
    const cleaner = new TagCleaner(
      registry,
      report,
      protectedDigests(state, index?.json),
      state.index?.digest,
      core.getInput(Input.GithubToken),
    );
    // Read before anything is published: a leftover is deleted only while it still points where it did then.
    const leftovers = await cleaner.read(state.cleanupTags.map(parseReference));
    // Publishing and cleanup touch different tags, so they run together.
    const publishing = publishIfDue(state, index?.bytes, report, registry);
    // The registry's tags and the engine's builder and images are apart: they are cleaned up together.
    await Promise.all([
      cleanUpRegistry(state, cleaner, publishing, leftovers, run),
      cleanUpEngine(state, new DockerCli(), report, run),
    ]);
  });
  await core.summary.addRaw(summaryMarkdown(state, report)).write();
}

/** The index main pushed, read back once: post publishes its bytes and protects everything it references. */
async function readIndex(
  state: RunState,
  registry: RegistryClient,
): Promise<Pick<FetchedManifest, 'bytes' | 'json'> | undefined> {
  const [first] = state.finalTags;
  if (!state.index || first === undefined) return undefined;
  try {
    return await registry.getManifest(parseReference(first), state.index.digest);
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
    const tags = state.finalTags.map(parseReference);
    const published = await publishTags(tags, { descriptor: index, bytes: indexBytes }, registry);
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
  cleaner: TagCleaner,
  publishing: Promise<void>,
  leftovers: Map<string, TagReading>,
  run: RunIdentity,
): Promise<void> {
  await Promise.all([
    ...state.temporaryTags.map((tag) => {
      const expectedDigest = state.temporaryTagDigests[tag];
      return cleaner.delete(
        parseReference(tag),
        expectedDigest ? { expectedDigest } : { present: temporaryTagsPresent(state) },
      );
    }),
    state.staleTagHours > 0 ? cleaner.deleteStale(state, run.runId) : undefined,
    publishing.then(async () => {
      if (state.published) await cleaner.deleteLeftovers(state, leftovers);
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

/**
 * Whether this run pushed, or was about to push, anything: one that pushed nothing (push: false) deletes nothing in
 * the registry, where it may only have been meant to read.
 */
function pushedAnything(state: RunState): boolean {
  return state.index !== undefined || state.temporaryTags.length > 0 || Object.keys(state.platformDigests).length > 0;
}

/** The builder this run created, and the names the docker driver left in the engine. */
async function cleanUpEngine(state: RunState, docker: DockerCli, report: PostReport, run: RunIdentity): Promise<void> {
  await Promise.all([
    removeCreatedBuilder(state.builder, docker, run),
    untagEngineImages(state.engineImages, docker, report),
  ]);
}

/** The docker driver's copies of this run's images, still under temporary names in the engine, are untagged. */
async function untagEngineImages(names: string[], docker: DockerCli, report: PostReport): Promise<void> {
  try {
    await docker.untagImages(names);
  } catch (error) {
    report.leftBehind.push(...names.map((name) => `${name} (in the docker engine)`));
    core.warning(
      `Could not untag this run's images in the docker engine: ${errorMessage(error)} (remove them with: docker image rm ${names.join(' ')})`,
    );
  }
}

/**
 * Removes the builder this step created; a failure is a warning that says how to remove it by hand. Main records
 * the builder as 'pending' while `buildx create` runs: such a one is removed only if it exists under a name only
 * this step gives (a create that failed because the name was taken must not remove whoever took it).
 */
export async function removeCreatedBuilder(
  builder: RunState['builder'],
  docker: DockerCli,
  run: RunIdentity,
): Promise<void> {
  if (!builder || builder.created === false) return;
  const removal = `remove it with: docker buildx rm ${builder.name}`;
  if (builder.created === 'pending') {
    if (!isThisStepsBuilderName(builder.name, run)) {
      core.warning(
        `The builder ${builder.name} may not be this step's (main did not see it created): kept (${removal})`,
      );
      return;
    }
    let exists: boolean;
    try {
      exists = await docker.builderExists(builder.name);
    } catch (error) {
      core.warning(`Could not check whether the builder ${builder.name} exists: ${errorMessage(error)} (${removal})`);
      return;
    }
    if (!exists) return;
  }
  try {
    await docker.removeBuilder(builder.name);
    core.info(`Removed builder ${builder.name}`);
  } catch (error) {
    core.warning(`Could not remove the builder ${builder.name}: ${errorMessage(error)} (${removal})`);
  }
}

/**
 * chooseBuilder's name for a builder this step creates: this step's run, attempt and step hash, then what tells
 * matrix legs of one step apart. No other step, nor a builder the user named, has such a name.
 */
function isThisStepsBuilderName(name: string, run: RunIdentity): boolean {
  const prefix = createdBuilderPrefix(run);
  return name.startsWith(prefix) && name.length > prefix.length;
}

/** What a tag pointed at when post read it: a digest (none when the tag is not there), or why it could not read it. */
type TagReading = { digest: string | undefined } | { unreadable: string };

/** What the cleaner knows of the tags it deletes. */
type TagOptions = Pick<DeleteTagOptions, 'present' | 'expectedDigest'>;

/** Deletes tags safely (the registry client never deletes an image), reporting each outcome once. */
class TagCleaner {
  readonly #deleter: TagDeleter;

  constructor(
    private readonly registry: RegistryClient,
    readonly report: PostReport,
    private readonly protectedDigests: ReadonlySet<string>,
    /** The index this run pushed. */
    private readonly indexDigest: string | undefined,
    private readonly githubToken: string,
  ) {
    this.#deleter = new TagDeleter(registry);
  }

  /** What each tag points at now, by its full reference; the tags are read together. */
  async read(tags: ImageReference[]): Promise<Map<string, TagReading>> {
    const readings = await Promise.all(
      tags.map(async (tag): Promise<[string, TagReading]> => {
        try {
          return [
            formatReference(tag),
            { digest: (await this.registry.headManifest(tag, tag.tag ?? 'latest'))?.digest },
          ];
        } catch (error) {
          return [formatReference(tag), { unreadable: errorMessage(error) }];
        }
      }),
    );
    return new Map(readings);
  }

  /**
   * `cleanup-tags`: the user's own leftovers (e.g. per-arch tags of an older workflow), as `readings` found them
   * when post started. Kept: a final tag however spelt, a tag that points at the published index (deleting it would
   * hide what this run just published), and one whose target could not be read. Any other is deleted only while it
   * still points where it did.
   */
  async deleteLeftovers(state: RunState, readings: Map<string, TagReading>): Promise<void> {
    const finalTags = new Set(state.finalTags.map((tag) => canonicalReference(parseReference(tag))));
    await Promise.all(
      state.cleanupTags.map(parseReference).map(async (tag) => {
        const reference = formatReference(tag);
        const reading = readings.get(reference);
        if (finalTags.has(canonicalReference(tag))) {
          this.keep(reference, 'kept: it is one of the final tags (spelt another way)');
        } else if (reading !== undefined && 'digest' in reading && reading.digest === this.indexDigest) {
          this.keep(reference, 'kept: it points at the published index');
        } else {
          await this.deleteAsRead(tag, reading, { removeDangling: false });
        }
      }),
    );
  }

  /**
   * Temporary tags that crashed runs left behind: recognised only by this action's naming scheme (prefix, run id,
   * attempt, step hash, start time), only when older than stale-tag-hours, and only of runs older than this one
   * (GitHub's run ids grow): a run still in progress keeps its own. A run that pushed nothing sweeps nothing.
   */
  async deleteStale(state: RunState, runId: string): Promise<void> {
    const sweep = 'stale temporary tags';
    if (!pushedAnything(state)) {
      this.skip(sweep, 'not looked for: this run pushed nothing');
      return;
    }
    if (!/^\d+$/.test(runId)) {
      this.skip(sweep, `not looked for: this run's id "${runId}" is not a number, so newer runs cannot be told apart`);
      return;
    }
    const own = new Set(state.temporaryTags);
    const cutoff = Date.now() / 1000 - state.staleTagHours * 3600;
    const repositories = new Map(state.finalTags.map(parseReference).map((ref) => [formatName(ref), ref]));
    for (const repository of repositories.values()) {
      const tags = await this.registry.listTags(repository).catch((error: unknown) => {
        core.warning(`Could not list the tags of ${formatName(repository)} to find stale ones: ${errorMessage(error)}`);
        return [] as string[];
      });
      const stale: ImageReference[] = [];
      for (const tag of tags) {
        const parsed = parseTemporaryTag(state.tempTagPrefix, tag);
        const reference = `${formatName(repository)}:${tag}`;
        if (parsed === undefined || parsed.createdAt >= cutoff || own.has(reference)) continue;
        if (BigInt(parsed.runId) >= BigInt(runId)) {
          this.skip(reference, `kept: run ${parsed.runId} is this run or a newer one, which may still be using it`);
        } else {
          stale.push({ ...repository, tag });
        }
      }
      if (stale.length > 0) core.info(`Deleting ${stale.length} stale temporary tags of ${formatName(repository)}`);
      const readings = await this.read(stale);
      // Just listed: one resolving to nothing (its manifest deleted under it) is removed too.
      await Promise.all(
        stale.map((tag) => this.deleteAsRead(tag, readings.get(formatReference(tag)), { removeDangling: true })),
      );
    }
  }

  async delete(tag: ImageReference, options: TagOptions = {}): Promise<void> {
    const reference = formatReference(tag);
    try {
      const outcome = await this.#deleter.deleteTag(tag, tag.tag ?? '', {
        ...options,
        protectedDigests: this.protectedDigests,
        ...(this.githubToken === '' ? {} : { githubToken: this.githubToken }),
      });
      if (outcome !== 'absent') this.report.deleted.push(reference);
    } catch (error) {
      if (error instanceof TagMovedError) {
        const published = error.movedTo === this.indexDigest;
        this.keep(
          reference,
          published
            ? 'kept: it points at the published index'
            : `kept: ${error.movedTo} was put under it meanwhile, by another writer`,
        );
        return;
      }
      this.report.leftBehind.push(reference);
      core.warning(`Could not delete the tag ${reference}: ${errorMessage(error)}`);
    }
  }

  /**
   * Deletes a tag while it still points where `reading` (from read) found it; one that could not be read is kept.
   * One that resolved to nothing is left, unless `removeDangling`: a tag just listed that resolves to nothing is
   * there all the same, and only a dummy put under it removes it.
   */
  private async deleteAsRead(
    tag: ImageReference,
    reading: TagReading | undefined,
    { removeDangling }: { removeDangling: boolean },
  ): Promise<void> {
    const found = reading ?? { unreadable: 'it was not read' };
    if ('unreadable' in found) {
      this.keep(formatReference(tag), `kept: could not check what it points at (${found.unreadable})`);
    } else if (found.digest !== undefined) {
      await this.delete(tag, { expectedDigest: found.digest });
    } else if (removeDangling) {
      await this.delete(tag, { present: true });
    }
  }

  /** A tag this run will not delete, though asked to: a warning, and the reason in the summary. */
  private keep(reference: string, reason: string): void {
    this.report.skipped.push({ subject: reference, reason });
    core.warning(`${reference}: ${reason}`);
  }

  /** Something cleanup rightly leaves alone: said in the summary and the log, without a warning. */
  private skip(subject: string, reason: string): void {
    this.report.skipped.push({ subject, reason });
    core.info(`${subject}: ${reason}`);
  }
}
