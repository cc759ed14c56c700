// Deleting tags in post, each guard failing closed: this run's temporary tags, the user's leftovers (cleanup-tags)
// once published, and stale temporary tags of crashed runs. The registry client never deletes an image; a tag whose
// target could not be checked is kept, and the summary says why.
import * as core from '@actions/core';
import type { PostReport } from './summary.js';
import { errorMessage } from '../error-message.js';
import { parseTemporaryTag } from '../plan/temporary-tag.js';
import { canonicalReference, formatName, formatReference, type TaggedReference } from '../reference.js';
import type { GitHubApiAccess } from '../registry/github-api.js';
import { TagDeleter, TagMovedError, type DeleteTagOptions } from '../registry/cleanup/tag-deletion.js';
import type { RegistryClient } from '../registry/client.js';
import type { RunState, StateTags } from '../state.js';

/** What a tag pointed at when post read it: a digest (none when the tag is not there), or why it could not read it. */
export type TagReading = { digest: string | undefined } | { unreadable: string };

/** What the cleaner knows of the tags it deletes. */
type TagOptions = Pick<DeleteTagOptions, 'present' | 'expectedDigest'>;

/** Deletes tags safely (the registry client never deletes an image), reporting each outcome once. */
export class TagCleaner {
  readonly #deleter: TagDeleter;

  constructor(
    private readonly registry: RegistryClient,
    readonly report: PostReport,
    private readonly protectedDigests: ReadonlySet<string>,
    /** The index this run pushed. */
    private readonly indexDigest: string | undefined,
    /** For ghcr.io's package versions: undefined without a github-token. */
    private readonly github: GitHubApiAccess | undefined,
  ) {
    this.#deleter = new TagDeleter(registry);
  }

  /** What each tag points at now, by its full reference; the tags are read together. */
  async read(tags: TaggedReference[]): Promise<Map<string, TagReading>> {
    const readings = await Promise.all(
      tags.map(async (tag): Promise<[string, TagReading]> => {
        try {
          return [formatReference(tag), { digest: (await this.registry.headManifest(tag, tag.tag))?.digest }];
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
  async deleteLeftovers(tags: StateTags, readings: Map<string, TagReading>): Promise<void> {
    const finalTags = new Set(tags.final.map(canonicalReference));
    await Promise.all(
      tags.cleanup.map(async (tag) => {
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
  async deleteStale(state: RunState, finalTags: TaggedReference[], runId: string): Promise<void> {
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
    const repositories = new Map(finalTags.map((ref) => [formatName(ref), ref]));
    for (const repository of repositories.values()) {
      const tags = await this.registry.listTags(repository).catch((error: unknown) => {
        core.warning(`Could not list the tags of ${formatName(repository)} to find stale ones: ${errorMessage(error)}`);
        return [] as string[];
      });
      const stale: TaggedReference[] = [];
      for (const tag of tags) {
        const parsed = parseTemporaryTag(state.tempTagPrefix, tag);
        const reference = formatReference({ ...repository, tag });
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

  async delete(tag: TaggedReference, options: TagOptions = {}): Promise<void> {
    const reference = formatReference(tag);
    try {
      const outcome = await this.#deleter.deleteTag(tag, tag.tag, {
        ...options,
        protectedDigests: this.protectedDigests,
        github: this.github,
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
    tag: TaggedReference,
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

/**
 * Whether this run pushed, or was about to push, anything: one that pushed nothing (push: false) deletes nothing in
 * the registry, where it may only have been meant to read.
 */
function pushedAnything(state: RunState): boolean {
  return state.index !== undefined || state.temporaryTags.length > 0 || Object.keys(state.platformDigests).length > 0;
}
