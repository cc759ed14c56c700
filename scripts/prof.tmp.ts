import { runAction } from './local-runner.js';
const tag = `127.0.0.1:5000/prof/x${Date.now()}:latest`;
for (let i = 0; i < 4; i++) {
  const t0 = Date.now();
  const r = await runAction({
    env: { NODE_OPTIONS: '--require /tmp/hook3.cjs' },
    inputs: {
      mode: 'multi',
      platforms: 'linux/amd64,linux/arm64',
      tags: tag,
      push: 'true',
      driver: 'docker',
      context: '/tmp/prof/ctx',
      provenance: 'false',
    },
  });
  const pick = (s: string) =>
    s
      .split('\n')
      .filter((l) => /::group::|::endgroup::|exit|summary|handles|BEFORE|^\[\d+\] (Index|QEMU)/.test(l))
      .map((l) => l.replace(/::(end)?group::/, (m) => (m === '::endgroup::' ? '/' : '')))
      .join(' ');
  console.log('total', Date.now() - t0, '| main:', pick(r.main.stdout), '| post:', pick(r.post?.stdout ?? ''));
}
