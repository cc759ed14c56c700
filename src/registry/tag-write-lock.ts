// distribution (the reference registry) deletes a manifest by digest in two steps: the manifest first, then every
// tag that points at it, found by reading each tag's link. A tag PUT in the same repository at that moment can leave
// a link half-written, the lookup fails, and the DELETE answers 500 with the manifest gone and its tag still listed,
// pointing at nothing (reproduced on the lab's registry under load). So this client never sends a manifest DELETE
// while one of its own tag PUTs is in flight in that repository: tag PUTs run together, a DELETE runs alone, in the
// order they came. Another writer's PUT can still meet a DELETE; the deletion's retry ends that case (tag-deletion.ts).

export type LockKind = 'shared' | 'exclusive';

interface Slot {
  kind: LockKind | undefined;
  holders: number;
  queue: { kind: LockKind; start: () => void }[];
}

export class RepositoryLocks {
  readonly #slots = new Map<string, Slot>();

  /** Runs `work` holding the repository's lock of that kind, once every earlier holder it conflicts with is done. */
  async hold<T>(repository: string, kind: LockKind, work: () => Promise<T>): Promise<T> {
    const slot = this.#slots.get(repository) ?? { kind: undefined, holders: 0, queue: [] };
    this.#slots.set(repository, slot);
    await new Promise<void>((start) => {
      slot.queue.push({ kind, start });
      this.#admit(slot);
    });
    try {
      return await work();
    } finally {
      slot.holders -= 1;
      if (slot.holders === 0) slot.kind = undefined;
      this.#admit(slot);
      if (slot.holders === 0 && slot.queue.length === 0) this.#slots.delete(repository);
    }
  }

  /** Lets in, in order, every waiter that can run beside the holders: shared with shared, exclusive alone. */
  #admit(slot: Slot): void {
    for (let next = slot.queue[0]; next !== undefined; next = slot.queue[0]) {
      if (slot.holders > 0 && (slot.kind === 'exclusive' || next.kind === 'exclusive')) return;
      slot.queue.shift();
      slot.kind = next.kind;
      slot.holders += 1;
      next.start();
    }
  }
}

const DIGEST_REFERENCE = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/**
 * Which lock a registry request takes: a manifest DELETE the exclusive one of its repository, a manifest PUT under
 * a tag a shared one; anything else (reads, blobs, a PUT by digest, which writes no tag) none.
 */
export function tagWriteLock(method: string, url: URL): { repository: string; kind: LockKind } | undefined {
  const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
  if (!match) return undefined;
  const [, repository = '', reference = ''] = match;
  const key = `${url.host}/${repository}`;
  if (method === 'DELETE') return { repository: key, kind: 'exclusive' };
  if (method === 'PUT' && !DIGEST_REFERENCE.test(decodeURIComponent(reference)))
    return { repository: key, kind: 'shared' };
  return undefined;
}
