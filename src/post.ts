// The post step, run always (post-if: always()): publish what main finished, then clean up what this run
// created (and the leftovers the user listed, and stale temporary tags of crashed runs). It never throws: a failed
// publish fails the step; a failed cleanup is a warning that says what was left behind and how to remove it.
import * as core from '@actions/core';
import { Input } from './constants.js';
import { DockerCli } from './docker/cli.js';
import { parseTemporaryTag } from './plan/temporary-tag.js';
import { publishTags } from './image-index/publish.js';
import { formatName, formatReference, parseReference, type ImageReference } from './reference.js';
import { createRegistryClient } from './registry/access.js';
import { TagDeleter, type DeleteTagOptions } from './registry/cleanup/tag-deletion.js';
import type { FetchedManifest, RegistryClient } from './registry/client.js';
import { isImageIndex, type Manifest } from './registry/types.js';
import { phase } from './runtime.js';
import { loadRunState, type RunState } from './state.js';
import { summaryMarkdown, type PostReport } from './summary.js';
import { errorMessage } from './error-message.js';

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
  const report: PostReport = { published: [], deleted: [], leftBehind: [], notes: [] };
  const registry = createRegistryClient();
  const index = await readIndex(state, registry);

  await phase(state.timings, 'Publish and clean up', async () => {
    // Publishing and cleanup touch different tags, so they run together.
    const publishing = publishIfDue(state, index?.bytes, report, registry);
    if (state.cleanup) {
      const cleaner = new TagCleaner(
        registry,
        report,
        protectedDigests(state, index?.json),
        core.getInput(Input.GithubToken),
      );
      // The registry's tags and the engine's builder and images are apart: they are cleaned up together.
      await Promise.all([cleanUpRegistry(state, cleaner, publishing), cleanUpEngine(state, new DockerCli(), report)]);
    } else {
      await publishing;
      if (state.temporaryTags.length > 0) {
        report.leftBehind.push(...state.temporaryTags);
        core.info(`cleanup is false: leaving ${state.temporaryTags.join(', ')}`);
      }
    }
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
  if (state.publish !== 'post') return;
  const index = state.index;
  if (!state.mainCompleted || !index) {
    report.notes.push('main did not finish every build: nothing was published');
    core.info('Main did not finish every build: nothing is published.');
    return;
  }
  try {
    if (!indexBytes) throw new Error(`the index ${index.digest} could not be read back from the registry`);
    const tags = state.finalTags.map(parseReference);
    const published = await publishTags(tags, { descriptor: index, bytes: indexBytes }, registry);
    report.published.push(...published);
    state.published = true;
  } catch (error) {
    core.setFailed(`Publishing ${index.digest} failed: ${errorMessage(error)}`);
  }
}

/** The tags this run created, the stale tags of crashed runs, and, once published, the user's leftovers. */
async function cleanUpRegistry(state: RunState, cleaner: TagCleaner, publishing: Promise<void>): Promise<void> {
  await Promise.all([
    cleaner.deleteAll(state.temporaryTags.map(parseReference), { present: temporaryTagsPresent(state) }),
    state.staleTagHours > 0 ? cleaner.deleteStale(state) : undefined,
    publishing.then(async () => {
      if (state.published) await cleaner.deleteLeftovers(state.cleanupTags.map(parseReference), state);
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

/** The builder this run created, and the names the docker driver left in the engine. */
async function cleanUpEngine(state: RunState, docker: DockerCli, report: PostReport): Promise<void> {
  await Promise.all([
    removeCreatedBuilder(state.builder, docker),
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

/** Removes the builder when this run created it; a failure is a warning that says how to remove it by hand. */
async function removeCreatedBuilder(builder: RunState['builder'], docker: DockerCli): Promise<void> {
  if (!builder?.created) return;
  try {
    await docker.removeBuilder(builder.name);
    core.info(`Removed builder ${builder.name}`);
  } catch (error) {
    core.warning(
      `Could not remove the builder ${builder.name}: ${errorMessage(error)} (remove it with: docker buildx rm ${builder.name})`,
    );
  }
}

/** What the cleaner knows of the tags it deletes. */
type TagOptions = Pick<DeleteTagOptions, 'present'>;

/** Deletes tags safely (the registry client never deletes an image), reporting each outcome once. */
class TagCleaner {
  readonly #deleter: TagDeleter;

  constructor(
    private readonly registry: RegistryClient,
    readonly report: PostReport,
    private readonly protectedDigests: ReadonlySet<string>,
    private readonly githubToken: string,
  ) {
    this.#deleter = new TagDeleter(registry);
  }

  async deleteAll(tags: ImageReference[], options: TagOptions = {}): Promise<void> {
    await Promise.all(tags.map((tag) => this.delete(tag, options)));
  }

  /**
   * `cleanup-tags`: the user's own leftovers (e.g. per-arch tags of an older workflow). A tag that points at the
   * published index is refused: deleting it would hide what this run just published.
   */
  async deleteLeftovers(tags: ImageReference[], state: RunState): Promise<void> {
    await Promise.all(
      tags.map(async (tag) => {
        const found = await this.registry.headManifest(tag, tag.tag ?? 'latest').catch(() => undefined);
        if (found?.digest === state.index?.digest) {
          this.report.leftBehind.push(formatReference(tag));
          core.warning(`cleanup-tags: ${formatReference(tag)} points at the published index; it is kept.`);
          return;
        }
        await this.delete(tag);
      }),
    );
  }

  /**
   * Temporary tags that crashed runs left behind: recognised only by this action's naming scheme (prefix, run id,
   * attempt, step hash, start time) and only when older than stale-tag-hours, so a run still in progress keeps its own.
   */
  async deleteStale(state: RunState): Promise<void> {
    const own = new Set(state.temporaryTags);
    const cutoff = Date.now() / 1000 - state.staleTagHours * 3600;
    const repositories = new Map(state.finalTags.map(parseReference).map((ref) => [formatName(ref), ref]));
    for (const repository of repositories.values()) {
      const tags = await this.registry.listTags(repository).catch((error: unknown) => {
        core.warning(`Could not list the tags of ${formatName(repository)} to find stale ones: ${errorMessage(error)}`);
        return [] as string[];
      });
      const stale = tags.filter((tag) => {
        const parsed = parseTemporaryTag(state.tempTagPrefix, tag);
        const reference = `${formatName(repository)}:${tag}`;
        return parsed !== undefined && parsed.createdAt < cutoff && !own.has(reference);
      });
      if (stale.length > 0) core.info(`Deleting ${stale.length} stale temporary tags of ${formatName(repository)}`);
      // Just listed: a stale tag left dangling (its manifest deleted under it) is removed too.
      await Promise.all(stale.map((tag) => this.delete({ ...repository, tag }, { present: true })));
    }
  }

  private async delete(tag: ImageReference, options: TagOptions = {}): Promise<void> {
    const reference = formatReference(tag);
    try {
      const outcome = await this.#deleter.deleteTag(tag, tag.tag ?? '', {
        ...options,
        protectedDigests: this.protectedDigests,
        ...(this.githubToken === '' ? {} : { githubToken: this.githubToken }),
      });
      if (outcome !== 'absent') this.report.deleted.push(reference);
    } catch (error) {
      this.report.leftBehind.push(reference);
      core.warning(`Could not delete the tag ${reference}: ${errorMessage(error)}`);
    }
  }
}
