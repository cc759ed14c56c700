// The post step, run always (post-if: always()): publish what main finished, then clean up what this run
// created. It never throws: a failed publish fails the step; a failed cleanup is a warning that says what was
// left behind and how to remove it.
import * as core from '@actions/core';
import { DockerCli } from './docker.js';
import { publishTags } from './publish.js';
import { parseReference } from './reference.js';
import { createRegistryClient } from './registry-access.js';
import { phase } from './runtime.js';
import { loadRunState, type RunState } from './state.js';
import { summaryMarkdown, type PostReport } from './summary.js';

export async function post(): Promise<void> {
  const state = loadRunState();
  if (!state) {
    core.info('Main saved no state: nothing to publish or clean up.');
    return;
  }
  const report: PostReport = { published: [], deleted: [], leftBehind: [], notes: [] };
  const registry = createRegistryClient();

  await publishIfDue(state, report, registry);
  if (state.cleanup) {
    await phase(state.timings, 'Clean up', () => cleanUp(state, report, registry, new DockerCli()));
  } else if (state.temporaryTags.length > 0) {
    report.leftBehind.push(...state.temporaryTags);
    core.info(`cleanup is false: leaving ${state.temporaryTags.join(', ')}`);
  }
  await core.summary.addRaw(summaryMarkdown(state, report)).write();
}

async function publishIfDue(
  state: RunState,
  report: PostReport,
  registry: ReturnType<typeof createRegistryClient>,
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
    const tags = state.finalTags.map(parseReference);
    const [first] = tags;
    if (!first) return;
    const bytes = (await registry.getManifest(first, index.digest)).bytes;
    report.published.push(
      ...(await phase(state.timings, 'Publish', () => publishTags(tags, { descriptor: index, bytes }, registry))),
    );
    state.published = true;
  } catch (error) {
    core.setFailed(`Publishing ${index.digest} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function cleanUp(
  state: RunState,
  report: PostReport,
  registry: ReturnType<typeof createRegistryClient>,
  docker: DockerCli,
): Promise<void> {
  await Promise.all(
    state.temporaryTags.map(async (reference) => {
      try {
        const parsed = parseReference(reference);
        const outcome = await registry.deleteTag(parsed, parsed.tag ?? '');
        if (outcome !== 'absent') report.deleted.push(reference);
      } catch (error) {
        report.leftBehind.push(reference);
        core.warning(
          `Could not delete the temporary tag ${reference}: ${error instanceof Error ? error.message : String(error)}. ` +
            "The image it points to is also reachable by digest; delete the tag with your registry's UI or API.",
        );
      }
    }),
  );
  const builder = state.builder;
  if (builder?.created) {
    try {
      await docker.removeBuilder(builder.name);
      core.info(`Removed builder ${builder.name}`);
    } catch (error) {
      core.warning(
        `Could not remove the builder ${builder.name}: ${error instanceof Error ? error.message : String(error)} ` +
          `(remove it with: docker buildx rm ${builder.name})`,
      );
    }
  }
}
