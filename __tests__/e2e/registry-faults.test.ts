// The registry client's retries against the real lab registry, through a proxy that injects 503s, 429s with
// Retry-After and connection resets: a whole get / push / tag / delete sequence still succeeds.
import type { ImageName } from '../../src/reference.js';
import { RegistryClient } from '../../src/registry/client.js';
import { TagDeleter } from '../../src/registry/cleanup/tag-deletion.js';
import { RegistryError } from '../../src/registry/errors.js';
import { describeWithLab, lab } from './lab.js';
import { busybox, copyBusybox } from './support/busybox.js';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy.js';

const anonymous = { description: 'no credentials', get: () => Promise.resolve(undefined) };
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

describeWithLab('RegistryClient retries through a fault-injecting proxy', () => {
  const direct = new RegistryClient({ credentials: anonymous });
  let proxy: FaultProxy | undefined;

  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
  });

  /** A client whose requests go through a new proxy with `faults`; its retries wait little (but honour Retry-After). */
  async function throughProxy(faults: Fault[], maxAttempts = 5) {
    proxy = await startFaultProxy({ target: lab.registry, faults, retryAfterSeconds: 1 });
    const retries: string[] = [];
    const client = new RegistryClient({
      credentials: anonymous,
      onRetry: (message) => retries.push(message),
      retry: { maxAttempts, baseDelayMs: 20, maxDelayMs: 100 },
    });
    return { client, retries, registry: proxy.host };
  }

  it('gets, pushes, tags and deletes through 503s, a 429 with Retry-After and resets', async () => {
    // Two requests pass after each fault: enough for the retry of a single request, and for the restart of a blob
    // upload (POST, PUT) whichever of its requests failed.
    const faults: Fault[] = ['unavailable', 'too-many-requests', 'reset', 'unavailable', 'reset', 'reset'];
    const { client, retries, registry } = await throughProxy(faults.flatMap((fault) => [fault, 'pass', 'pass']));
    const name: ImageName = { registry, repository: `e2e/registry-faults-${run}` };
    const source = { ...busybox, registry };

    const started = Date.now();
    const { digest, bytes, mediaType } = await copyBusybox(client, client, { ...name });
    expect((await client.getManifest(source, busybox.tag ?? 'latest')).descriptor.mediaType).toBe(
      'application/vnd.oci.image.index.v1+json',
    );
    expect(await client.putManifest(name, 'temporary', bytes, mediaType)).toBe(digest);
    expect(await new TagDeleter(client).deleteTag(name, 'temporary')).toBe('dummy-digest-delete');

    const injected = proxy?.log.filter((line) => !line.endsWith('→ pass')) ?? [];
    expect(injected).toHaveLength(faults.length);
    expect(retries).toHaveLength(injected.length);
    expect(retries.some((message) => message.includes('(as its Retry-After asks)'))).toBe(true);
    expect(
      retries.some((message) => message.includes('failed: read ECONNRESET') || message.includes('other side closed')),
    ).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000); // the Retry-After: 1 was honoured

    // What the lab registry holds, seen without the proxy.
    const stored: ImageName = { registry: lab.registry, repository: name.repository };
    expect(await direct.listTags(stored)).toEqual([]);
    expect((await direct.getManifest(stored, digest)).bytes.equals(bytes)).toBe(true);
  });

  it('gives up after the bound, saying how many attempts and the last reason', async () => {
    const { client } = await throughProxy(['unavailable', 'reset', 'unavailable'], 3);
    const name: ImageName = { registry: proxy?.host ?? '', repository: `e2e/registry-faults-${run}` };
    const error = await client.listTags(name).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ status: 503, codes: ['UNAVAILABLE'] });
    expect((error as Error).message).toMatch(
      /^could not list the tags of 127\.0\.0\.1:\d+\/e2e\/registry-faults-.*: GET http:\/\/127\.0\.0\.1:\d+\/v2\/e2e\/registry-faults-.*\/tags\/list\?n=1000 answered 503 UNAVAILABLE: injected by the fault proxy \(gave up after 3 attempts in \d+\.\d s\)$/,
    );
  });
});
