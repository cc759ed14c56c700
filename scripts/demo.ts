// `npm run demo`: the action's main and post steps, run as GitHub's runner runs them, building linux/amd64 and
// linux/arm64 (QEMU for the foreign one) and publishing one tag to a throwaway registry that lives only as long
// as the demo. Needs the lab (scripts/lab.sh up) for the engine, buildx, QEMU and the seeded base image.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRunner, repoRoot } from './local-runner.js';

const BASE_IMAGE = `127.0.0.1:${process.env.LAB_REGISTRY_PORT ?? '5000'}/lab/busybox:latest`;

function sh(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout.trim();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** A registry on loopback with its storage in a temporary directory: gone when the demo ends. */
async function startThrowawayRegistry(dir: string): Promise<{ address: string; stop: () => void }> {
  const port = await freePort();
  const config = join(dir, 'registry.yml');
  writeFileSync(
    config,
    `version: 0.1\nlog: {level: error}\nstorage:\n  filesystem: {rootdirectory: ${join(dir, 'storage')}}\n` +
      `  delete: {enabled: true}\nhttp: {addr: "127.0.0.1:${String(port)}"}\n`,
  );
  const binary = sh('bash', ['-c', 'command -v docker-registry || command -v registry']);
  const child = spawn(binary, ['serve', config], { stdio: 'ignore' });
  const address = `127.0.0.1:${String(port)}`;
  for (let i = 0; i < 50; i++) {
    const ok = await fetch(`http://${address}/v2/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { address, stop: () => child.kill() };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`the throwaway registry did not start on ${address}`);
}

async function demo(): Promise<void> {
  console.log('Bringing up the lab (engine, buildx, QEMU, base image)...');
  sh('bash', [join(repoRoot, 'scripts/lab.sh'), 'up']);
  const dir = mkdtempSync(join(tmpdir(), 'multiarch-demo-'));
  const registry = await startThrowawayRegistry(dir);
  try {
    const context = join(dir, 'context');
    mkdirSync(context);
    writeFileSync(join(context, 'Dockerfile'), `FROM ${BASE_IMAGE}\nRUN uname -m > /arch\nCMD ["cat", "/arch"]\n`);
    const image = `${registry.address}/demo/hello`;
    console.log(`Running the action: linux/amd64,linux/arm64 -> ${image}:latest (driver docker, mode auto)`);
    const runner = new LocalRunner({
      inputs: {
        platforms: 'linux/amd64,linux/arm64',
        tags: `${image}:latest`,
        push: 'true',
        driver: 'docker',
        context,
      },
    });
    try {
      const main = await runner.runMain();
      console.log(`\n--- main step ---\n${main.stdout}${main.stderr}`);
      const post = await runner.runPost();
      console.log(`--- post step ---\n${post.stdout}${post.stderr}`);
      if (main.exitCode !== 0 || post.exitCode !== 0) {
        throw new Error(`the action failed (main exit ${String(main.exitCode)}, post exit ${String(post.exitCode)})`);
      }
      const outputs = runner.outputs();
      console.log('\nOutputs:');
      for (const [name, value] of Object.entries(outputs)) {
        if (name !== 'metadata') console.log(`  ${name}: ${value}`);
      }
      const tags = (await (await fetch(`http://${registry.address}/v2/demo/hello/tags/list`)).json()) as {
        tags: string[];
      };
      console.log(`\nTags in the registry: ${tags.tags.join(', ')} (no temporary tag left)`);
      for (const platform of ['linux/amd64', 'linux/arm64']) {
        const arch = sh('docker', ['run', '--rm', '--pull', 'always', '--platform', platform, `${image}:latest`]);
        console.log(`  docker run --platform ${platform} ${image}:latest  ->  ${arch}`);
      }
      console.log('\nJob summary:\n' + runner.summary());
    } finally {
      runner.remove();
    }
  } finally {
    registry.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await demo();
