// patches/@actions+core+*.patch makes @actions/core load its HTTP client (and undici) only when an ID token is asked
// for, and @actions/exec only when OS details are. These tests hold both sides of each: getIDToken and
// platform.getDetails still work, and the chunks that main and post load carry neither undici nor @actions/exec.
import * as core from '@actions/core';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/local-runner.js';

describe('the @actions/core patch', () => {
  it('still gets an ID token, loading the HTTP client on demand', async () => {
    const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
    const server = createServer((request, response) => {
      seen.push({ url: request.url ?? '', headers: request.headers });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ value: 'id-token' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = { ...process.env };
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'request-token';
    // getIDToken masks the token with a workflow command on stdout: kept out of the test's output.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    try {
      await expect(core.getIDToken('sts.example')).resolves.toBe('id-token');
    } finally {
      process.stdout.write = write;
      process.env = saved;
      // The HTTP client keeps its connection alive: close it, or close() would wait for it.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual([
      {
        url: '/token?api-version=2.0&audience=sts.example',
        headers: expect.objectContaining({ authorization: 'Bearer request-token' }) as IncomingHttpHeaders,
      },
    ]);
  });

  it('still gets the OS details, loading @actions/exec on demand', async () => {
    // lsb_release as this test's own script, first on PATH: the details do not depend on the machine.
    const bin = mkdtempSync(join(tmpdir(), 'lsb-release-'));
    writeFileSync(join(bin, 'lsb_release'), '#!/bin/sh\nprintf "Debian\\n12\\n"\n');
    chmodSync(join(bin, 'lsb_release'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
    try {
      await expect(core.platform.getDetails()).resolves.toMatchObject({ name: 'Debian', version: '12' });
    } finally {
      process.env.PATH = path;
      rmSync(bin, { recursive: true, force: true });
    }
  });

  /** The text of every chunk the entry loads for main and post. */
  function entryChunks(): string[] {
    const dist = join(repoRoot, 'dist');
    const entry = readFileSync(join(dist, 'index.js'), 'utf8');
    const chunkIds = new Set([...entry.matchAll(/__nccwpck_require__\.e\((\d+)\)/g)].map((match) => match[1]));
    expect(chunkIds.size).toBeGreaterThan(0);
    return [...chunkIds].map((id) => readFileSync(join(dist, `${String(id)}.index.js`), 'utf8'));
  }

  it('keeps undici out of every chunk the entry loads for main and post', () => {
    // undici's HTTP parser (llhttp) is in whichever chunk holds undici.
    expect(entryChunks().filter((chunk) => chunk.includes('llhttp'))).toEqual([]);
  });

  it('keeps @actions/exec out of every chunk the entry loads for main and post', () => {
    expect(entryChunks().filter((chunk) => chunk.includes('class ToolRunner'))).toEqual([]);
  });
});
