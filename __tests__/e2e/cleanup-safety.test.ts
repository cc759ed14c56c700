// Issue 18 end to end: post deletes nothing that is not certainly this run's. A `cleanup-tags` entry that names the
// final tag through another host is kept, whether the registry answers (it points at the published index) or
// refuses to say (a HEAD answered 403); the stale-tag sweep leaves the temporary tags of runs newer than this one,
// and a run that pushed nothing sweeps nothing. The registry is checked directly (127.0.0.1:5000), never through
// the proxy.
import { randomInt } from 'node:crypto';
import { describeWithLab, lab } from './lab.js';
import { listTags, resolve, uniqueRepository } from './probe.js';
import { startFaultProxy } from './support/fault-proxy.js';
import { fetchManifest, putManifest } from './support/registry-inspect.js';
import {
  BOTH_PLATFORMS,
  TEMP_TAG_PREFIX,
  expectSucceeded,
  labelContext,
  runStep,
  stepLog,
  type StepResult,
} from './support/steps.js';

const context = labelContext();
const common = { mode: 'fan-out', platforms: BOTH_PLATFORMS, context, provenance: 'false' };

/** The summary's Skipped section: what post left alone, and why. */
function skipped(step: StepResult): { subject: string; reason: string }[] {
  const lines = step.summary.split('\n');
  const start = lines.indexOf('**Skipped:**');
  if (start === -1) return [];
  return lines
    .slice(start + 2)
    .map((line) => /^- `(.*?)`: (.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, subject = '', reason = '']) => ({ subject, reason }));
}

describeWithLab('cleanup-tags naming the final tag through another host', () => {
  test('resolved at post time: it points at the published index, so it is kept', async () => {
    const repository = uniqueRepository('alias-final');
    const final = `${lab.registry}/${repository}:latest`;
    // The same tag of the same registry, by the name localhost: no spelling rule can tell, only the registry.
    const alias = `localhost:${lab.registry.split(':')[1] ?? ''}/${repository}:latest`;
    const previous = await runStep({ ...common, tags: final, 'build-args': 'RUN_LABEL=previous' });
    expectSucceeded(previous);

    const step = await runStep({ ...common, tags: final, 'cleanup-tags': alias, 'build-args': 'RUN_LABEL=this' });
    expectSucceeded(step);
    expect(await resolve(repository, 'latest')).toBe(step.outputs.digest);
    expect(await listTags(repository)).toEqual(['latest']);
    expect(skipped(step)).toEqual([{ subject: alias, reason: 'kept: it points at the published index' }]);
    expect(step.post?.stdout).toContain(`::warning::${alias}: kept: it points at the published index`);
  });

  test('a HEAD answering 403: what it points at cannot be checked, so it is kept, and the summary says so', async () => {
    const repository = uniqueRepository('alias-forbidden');
    const final = `${lab.registry}/${repository}:latest`;
    let refused = 0;
    const proxy = await startFaultProxy({
      target: lab.registry,
      chooseFault: (request) =>
        request.method === 'HEAD' && request.url === `/v2/${repository}/manifests/latest` && refused++ === 0
          ? 'forbidden'
          : 'pass',
    });
    try {
      const alias = `${proxy.host}/${repository}:latest`;
      const step = await runStep({ ...common, tags: final, 'cleanup-tags': alias });
      expectSucceeded(step);
      expect(refused).toBeGreaterThan(0);
      expect(await resolve(repository, 'latest')).toBe(step.outputs.digest);
      expect(await listTags(repository)).toEqual(['latest']);
      const [kept, ...others] = skipped(step);
      expect(others).toEqual([]);
      expect(kept?.subject).toBe(alias);
      expect(kept?.reason).toMatch(/^kept: could not check what it points at \(.*\/manifests\/latest answered 403/);
      expect(step.post?.stdout).toContain(`::warning::${alias}: kept: could not check what it points at (`);
      // Nothing was written through the alias: no dummy ever went over the final tag.
      expect(proxy.requests.filter((request) => request.method !== 'HEAD' && request.method !== 'GET')).toEqual([]);
    } finally {
      await proxy.stop();
    }
  });
});

describeWithLab('the stale-tag sweep', () => {
  test("leaves a newer run's stale-looking temporary tags, and sweeps nothing when it pushed nothing", async () => {
    const repository = uniqueRepository('stale-newer-run');
    const image = `${lab.registry}/${repository}`;
    // GitHub's run ids grow: crashed < sweeper < newer.
    const base = randomInt(1e9, 8e9);
    const crashedId = String(base);
    const sweeperId = String(base + 10);
    const newerId = String(base + 20);
    const pushedNothingId = String(base + 30);

    // Temporary tags as a main leaves them when its post never runs, dated two days ago (stale-tag-hours is at
    // least an hour): a crashed run's, and those of a newer run, such as one still building after a long queue.
    const seed = await runStep({ ...common, tags: `${image}:seed` });
    expectSucceeded(seed);
    const target = await fetchManifest(repository, 'seed');
    if (target === undefined) throw new Error('the seed run published nothing');
    const twoDaysAgo = (Math.floor(Date.now() / 1000) - 2 * 86_400).toString(36);
    const leftBy = (runId: string) =>
      ['linux-amd64', 'linux-arm64'].map(
        (build) => `${TEMP_TAG_PREFIX}-${runId}-1-abcdef01-${twoDaysAgo}-0a1b2c-${build}`,
      );
    const [crashedTags, newerTags] = [leftBy(crashedId), leftBy(newerId)];
    for (const tag of [...crashedTags, ...newerTags]) await putManifest(repository, tag, target);
    const staleLimit = { 'stale-tag-hours': '1' };

    const pushedNothing = await runStep(
      { ...common, ...staleLimit, push: 'false', tags: `${image}:never` },
      { runId: pushedNothingId },
    );
    expectSucceeded(pushedNothing);
    expect(skipped(pushedNothing)).toEqual([
      { subject: 'stale temporary tags', reason: 'not looked for: this run pushed nothing' },
    ]);
    expect((await listTags(repository)).sort()).toEqual([...crashedTags, ...newerTags, 'seed'].sort());

    const sweeper = await runStep({ ...common, ...staleLimit, tags: `${image}:sweeper` }, { runId: sweeperId });
    expectSucceeded(sweeper);
    expect((await listTags(repository)).sort()).toEqual([...newerTags, 'seed', 'sweeper'].sort());
    expect(await resolve(repository, 'seed')).toBe(seed.outputs.digest);
    const bySubject = (a: { subject: string }, b: { subject: string }) => a.subject.localeCompare(b.subject);
    expect(skipped(sweeper).sort(bySubject)).toEqual(
      newerTags
        .map((tag) => ({
          subject: `${image}:${tag}`,
          reason: `kept: run ${newerId} is this run or a newer one, which may still be using it`,
        }))
        .sort(bySubject),
    );
    expect(stepLog(sweeper)).toContain(`Deleting 2 stale temporary tags of ${image}`);
  });
});
