import {
  annotatedDockerfile,
  buildxConfigDirectory,
  checkAnnotations,
  distinctAnnotations,
  localStatePath,
  parseLocalState,
  runnerWorkspace,
  type LocalState,
  type Workspace,
} from '../../../src/docker/check-annotations.js';
import { base64, checkWarnings, DOCKERFILE, EXPECTED } from '../support/dockerfile-checks.js';

const WORKSPACE: Workspace = {
  directory: '/home/runner/work/app/app',
  serverHost: 'github.com',
  repository: 'acme/app',
};

describe('annotatedDockerfile: which file of the repository a build read', () => {
  const state = (LocalPath: string, DockerfilePath: string): LocalState => ({ LocalPath, DockerfilePath });
  const SHA = '0123456789abcdef0123456789abcdef01234567';

  test.each<[string, LocalState, ReturnType<typeof annotatedDockerfile>]>([
    [
      // As the lab's buildx 0.29.1 recorded `-f docker/Dockerfile .`
      'a file given to buildx (recorded absolute)',
      state(WORKSPACE.directory, `${WORKSPACE.directory}/docker/Dockerfile`),
      { file: 'docker/Dockerfile', absolutePath: `${WORKSPACE.directory}/docker/Dockerfile` },
    ],
    [
      // As the lab's buildx recorded a build of `.` without -f: no Dockerfile path.
      "the context's own Dockerfile",
      state(`${WORKSPACE.directory}/docker`, ''),
      { file: 'docker/Dockerfile', absolutePath: `${WORKSPACE.directory}/docker/Dockerfile` },
    ],
    ['a Dockerfile outside the workspace', state('/tmp/ctx', '/tmp/ctx/Dockerfile'), undefined],
    ['a Dockerfile beside the workspace', state('/home/runner/work/app/app2', ''), undefined],
    // As the lab's buildx recorded `docker buildx build -` (a Dockerfile on stdin, no context).
    ['a Dockerfile from stdin without context', state('-', ''), undefined],
    ['a Dockerfile from stdin', state(WORKSPACE.directory, `${WORKSPACE.directory}/-`), undefined],
    ['the Git context of this repository', state(`https://github.com/acme/app.git#${SHA}`, ''), { file: 'Dockerfile' }],
    [
      'the Git context of this repository, in the query form, with a Dockerfile path',
      state(`https://github.com/acme/app.git?ref=refs/heads/main&checksum=${SHA}`, 'docker/Dockerfile'),
      { file: 'docker/Dockerfile' },
    ],
    ['the Git context of another repository', state(`https://github.com/acme/other.git#${SHA}`, ''), undefined],
    ['this repository on another server', state(`https://git.example.com/acme/app.git#${SHA}`, ''), undefined],
    [
      'a Git context as buildx before 0.16.1 recorded it, under the working directory',
      state(`${WORKSPACE.directory}/https:/github.com/acme/app.git#${SHA}`, `${WORKSPACE.directory}/Dockerfile`),
      { file: 'Dockerfile' },
    ],
  ])('%s', (_name, localState, expected) => {
    expect(annotatedDockerfile(localState, WORKSPACE)).toEqual(expected);
  });
});

describe('checkAnnotations: Dockerfile checks as GitHub annotations', () => {
  const inWorkspace = { file: 'docker/Dockerfile', absolutePath: `${WORKSPACE.directory}/docker/Dockerfile` };

  test("each check on its line, titled with the rule's description, its message without the line", () => {
    expect(checkAnnotations(checkWarnings(), inWorkspace, base64(DOCKERFILE))).toEqual(EXPECTED);
  });

  test('none when the Dockerfile in the workspace is not the one the checks read', () => {
    expect(checkAnnotations(checkWarnings(), inWorkspace, base64(`${DOCKERFILE}RUN changed\n`))).toEqual([]);
  });

  test("none when the checks read a file of another name (the Dockerfile's name ends the path)", () => {
    const other = { ...inWorkspace, file: 'docker/Dockerfile.prod', absolutePath: '/w/docker/Dockerfile.prod' };
    expect(checkAnnotations(checkWarnings(), other, base64(DOCKERFILE))).toEqual([]);
  });

  test('a Dockerfile of the repository fetched by BuildKit: annotated without its content to compare', () => {
    expect(checkAnnotations(checkWarnings(), { file: 'docker/Dockerfile' })).toEqual(EXPECTED);
  });

  test('a check without a documentation URL or a range: its message alone, and no line', () => {
    const [warning] = checkWarnings() as Record<string, unknown>[];
    const bare = { ...warning, url: '', range: undefined };
    const [first] = EXPECTED;
    expect(checkAnnotations([bare], inWorkspace, base64(DOCKERFILE))).toEqual([
      {
        title: first?.title,
        message: "FromAsCasing: 'as' and 'FROM' keywords' casing do not match",
        file: first?.file,
      },
    ]);
  });

  test.each<[string, unknown]>([
    ['no source (a warning that is not a check)', { short: base64('a warning'), detail: [] }],
    ['no message', { ...(checkWarnings()[0] as object), short: '' }],
    ['no description', { ...(checkWarnings()[0] as object), detail: undefined }],
    ['a source without its content', { ...(checkWarnings()[0] as object), sourceInfo: { filename: 'Dockerfile' } }],
    ['not an object', 'FromAsCasing'],
  ])('a warning with %s is not annotated', (_name, warning) => {
    expect(checkAnnotations([warning], inWorkspace, base64(DOCKERFILE))).toEqual([]);
  });

  test('metadata without warnings (an older buildx, BUILDX_METADATA_WARNINGS=false) has none', () => {
    expect(checkAnnotations(undefined, inWorkspace, base64(DOCKERFILE))).toEqual([]);
  });
});

describe('distinctAnnotations', () => {
  test("one annotation per check when each platform's build reported it", () => {
    expect(distinctAnnotations([...EXPECTED, ...EXPECTED, ...EXPECTED])).toEqual(EXPECTED);
  });

  test('the same check on two Dockerfiles is two annotations', () => {
    const [first] = EXPECTED;
    if (!first) throw new Error('no expected annotation');
    const elsewhere = { ...first, file: 'other/Dockerfile' };
    expect(distinctAnnotations([first, elsewhere, first])).toEqual([first, elsewhere]);
  });
});

describe('where buildx keeps a build', () => {
  test.each<[string, Record<string, string>, string]>([
    ['BUILDX_CONFIG', { BUILDX_CONFIG: '/etc/buildx' }, '/etc/buildx'],
    ['the docker config directory', { BUILDX_CONFIG: '' }, '/home/runner/.docker/buildx'],
  ])("buildx's config directory: %s", (_name, env, expected) => {
    expect(buildxConfigDirectory(env, '/home/runner/.docker/config.json')).toBe(expected);
  });

  test('the local state of `buildx.build.ref`', () => {
    // The ref the lab's default builder gave a build.
    expect(localStatePath('default/default/213wlchgse6wic1fdbi9p0ztp', '/root/.docker/buildx')).toBe(
      '/root/.docker/buildx/refs/default/default/213wlchgse6wic1fdbi9p0ztp',
    );
  });

  test.each([undefined, '', 'default/213wlchgse6wic1fdbi9p0ztp', 'a/b/c/d', 'default/../x', 42])(
    'no local state for the ref %p',
    (ref) => {
      expect(localStatePath(ref, '/root/.docker/buildx')).toBeUndefined();
    },
  );

  test('a local state file as the lab recorded it; fields buildx left out are empty', () => {
    expect(
      parseLocalState({ Target: 'default', LocalPath: '/tmp/wctx', DockerfilePath: '/tmp/wctx/sub/Dockerfile' }),
    ).toEqual({ LocalPath: '/tmp/wctx', DockerfilePath: '/tmp/wctx/sub/Dockerfile' });
    expect(parseLocalState({ LocalPath: '/tmp/wctx' })).toEqual({ LocalPath: '/tmp/wctx', DockerfilePath: '' });
    expect(() => parseLocalState([])).toThrow('no JSON object');
  });

  test('the workspace: GITHUB_WORKSPACE, else the working directory; the server of GITHUB_SERVER_URL', () => {
    expect(
      runnerWorkspace(
        { GITHUB_WORKSPACE: '/w', GITHUB_SERVER_URL: 'https://acme.ghe.com', GITHUB_REPOSITORY: 'acme/app' },
        '/cwd',
      ),
    ).toEqual({ directory: '/w', serverHost: 'acme.ghe.com', repository: 'acme/app' });
    expect(runnerWorkspace({ GITHUB_WORKSPACE: '' }, '/cwd')).toEqual({
      directory: '/cwd',
      serverHost: 'github.com',
      repository: '',
    });
  });
});
