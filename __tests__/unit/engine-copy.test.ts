import { DockerCli } from '../../src/docker/cli.js';
import { EngineCopyRename, isNamingDone } from '../../src/docker/engine-copy.js';
import { formatReference, parseReference, type ImageReference } from '../../src/reference.js';

const COPY = '127.0.0.1:5000/lab/app:multiarch-tmp-7-1-abcdef01-tq1x2y-all';
const TEMPORARY = [COPY, '127.0.0.1:5001/lab/app:multiarch-tmp-7-1-abcdef01-tq1x2y-all'];
const FINAL = ['127.0.0.1:5000/lab/app:latest', '127.0.0.1:5000/lab/app:v1'].map(parseReference);

describe('isNamingDone', () => {
  test.each<[string, string, boolean]>([
    ['the exporter named the copy', `#9 naming to ${COPY} done`, true],
    ['with the time it took', `#9 naming to ${COPY} 0.1s done`, true],
    ['with surrounding blanks', `  #12 naming to ${COPY} done \r`, true],
    ['still naming', `#9 naming to ${COPY}`, false],
    ['another name', `#9 naming to ${TEMPORARY[1] ?? ''} done`, false],
    ['a longer name that starts with it', `#9 naming to ${COPY}-2 done`, false],
    ['unpacking, not naming', `#9 unpacking to ${COPY} done`, false],
    ['the name inside another line', `#9 pushing manifest for ${COPY}@sha256:abc done`, false],
    ['an echo of the step, not buildx progress', `naming to ${COPY} done`, false],
  ])('%s', (_, line, expected) => {
    expect(isNamingDone(line, COPY)).toBe(expected);
  });
});

/** A DockerCli whose engine calls are recorded, and whose tag calls end when the test says. */
class RecordingDocker extends DockerCli {
  readonly calls: string[] = [];
  readonly pendingTags: (() => void)[] = [];
  failTags = false;

  constructor() {
    super(() => Promise.reject(new Error('no command runs here')));
  }

  override tagImage(source: string, target: ImageReference): Promise<void> {
    this.calls.push(`tag ${source} ${formatReference(target)}`);
    return new Promise((resolve, reject) => {
      this.pendingTags.push(() => {
        if (this.failTags) reject(new Error('No such image'));
        else resolve();
      });
    });
  }

  override untagImages(names: string[]): Promise<void> {
    this.calls.push(`untag ${names.join(' ')}`);
    return Promise.resolve();
  }

  /** Ends every tag call made so far. */
  endTags(): void {
    for (const end of this.pendingTags.splice(0)) end();
  }
}

const tagCalls = FINAL.map((tag) => `tag ${COPY} ${formatReference(tag)}`);
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Captures what core prints (its ::warning:: commands) while `run` runs. */
async function printedBy<T>(run: () => Promise<T>): Promise<{ result: T; printed: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let printed = '';
  process.stdout.write = (chunk: string | Uint8Array) => {
    printed += chunk.toString();
    return true;
  };
  try {
    return { result: await run(), printed };
  } finally {
    process.stdout.write = write;
  }
}

/**
 * finish, with the tags started or not: it ends once the final tags exist, and removes no name (post removes the
 * temporary one with the registry's temporary tags).
 */
async function expectFinishAfterTags(rename: EngineCopyRename, docker: RecordingDocker): Promise<void> {
  let finished = false;
  const finishing = rename.finish().then(() => {
    finished = true;
  });
  await settle();
  expect(docker.calls).toEqual(tagCalls);
  expect(finished).toBe(false);
  docker.endTags();
  await finishing;
  expect(docker.calls).toEqual(tagCalls);
}

describe('EngineCopyRename', () => {
  test('the naming line starts the tags at once; finish waits for them', async () => {
    const docker = new RecordingDocker();
    const rename = new EngineCopyRename(docker, COPY, FINAL);
    rename.watch('#8 exporting manifest list sha256:abc done');
    expect(docker.calls).toEqual([]);
    rename.watch(`#8 naming to ${COPY} done`);
    await settle();
    expect(docker.calls).toEqual(tagCalls);

    await expectFinishAfterTags(rename, docker);
  });

  test('without the naming line (another progress mode) finish tags', async () => {
    const docker = new RecordingDocker();
    const rename = new EngineCopyRename(docker, COPY, FINAL);
    rename.watch('{"vertexes":[{"name":"naming to …"}]}');
    await expectFinishAfterTags(rename, docker);
  });

  test('a retried build names its copy again: the tags follow, one naming after the other', async () => {
    const docker = new RecordingDocker();
    const rename = new EngineCopyRename(docker, COPY, FINAL);
    rename.watch(`#8 naming to ${COPY} done`);
    rename.watch(`#8 naming to ${COPY} done`);
    await settle();
    expect(docker.calls).toEqual(tagCalls);
    docker.endTags();
    await settle();
    expect(docker.calls).toEqual([...tagCalls, ...tagCalls]);
    docker.endTags();
    await rename.finish();
    expect(docker.calls).toEqual([...tagCalls, ...tagCalls]);
  });

  test('a failed tag is a warning, not a failure', async () => {
    const docker = new RecordingDocker();
    docker.failTags = true;
    const rename = new EngineCopyRename(docker, COPY, FINAL);
    rename.watch(`#8 naming to ${COPY} done`);
    await settle();
    docker.endTags();
    const { printed } = await printedBy(() => rename.finish());
    expect(printed).toContain("::warning::Could not rename this run's image in the docker engine: No such image");
    expect(docker.calls).toEqual(tagCalls);
  });
});
