// The engine API calls the action makes instead of docker CLI runs (src/engine-api.ts), against the lab's engine.
import { EngineApi, EngineApiError } from '../../src/engine-api.js';
import { describeWithLab, lab } from './lab.js';
import { docker, engineImageNames } from './probe.js';
import { newRunId } from './support/steps.js';

const source = `${lab.registry}/lab/busybox:amd64`;

describeWithLab('EngineApi on the lab engine (the default socket)', () => {
  const engine = EngineApi.fromEnvironment();
  const repository = `${lab.registry}/e2e/engine-api-${newRunId()}`;

  beforeAll(() => {
    const pulled = docker(['pull', '-q', source]);
    if (pulled.status !== 0) throw new Error(`docker pull ${source} failed: ${pulled.stderr}`);
  });

  test('names an image, removes the name, and says when a name is already gone', async () => {
    if (engine === undefined) throw new Error('the lab engine is not on the default socket');
    await engine.tagImage(source, repository, 'named');
    expect(engineImageNames()).toContain(`${repository}:named`);
    expect(await engine.removeImage(`${repository}:named`)).toBe(true);
    expect(engineImageNames()).not.toContain(`${repository}:named`);
    expect(await engine.removeImage(`${repository}:named`)).toBe(false);
    expect(engineImageNames()).toContain(source);
  });

  test("an image the engine does not have is an error with the engine's message", async () => {
    if (engine === undefined) throw new Error('the lab engine is not on the default socket');
    const failure = engine.tagImage(`${repository}:missing`, repository, 'x');
    await expect(failure).rejects.toBeInstanceOf(EngineApiError);
    await expect(failure).rejects.toMatchObject({ status: 404 });
    await expect(failure).rejects.toThrow(/answered 404: No such image: .*engine-api-.*:missing/);
  });
});
