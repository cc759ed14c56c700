// patches/@actions+core+*.patch makes @actions/core load its HTTP client (and undici) only when an ID token is asked
// for, @actions/exec only when OS details are, and node:crypto only for a multi-line file command. These tests hold
// both sides of each: getIDToken, platform.getDetails and multi-line values still work, and the chunks that main and
// post load carry neither undici nor @actions/exec, nor load node:crypto with their code.
import * as core from '@actions/core';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseFileCommands, repoRoot } from '../../scripts/local-runner.js';

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

  describe('file commands', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'file-command-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    /** What `save` writes to a fresh GITHUB_STATE file, in this process. */
    function stateWrittenBy(save: () => void): string {
      const state = join(dir, 'state');
      writeFileSync(state, '');
      const saved = process.env.GITHUB_STATE;
      process.env.GITHUB_STATE = state;
      try {
        save();
      } finally {
        process.env.GITHUB_STATE = saved;
      }
      return readFileSync(state, 'utf8');
    }

    it('writes a one-line name and value as name=value, and loads no node:crypto for it', () => {
      const state = join(dir, 'state');
      const output = join(dir, 'output');
      writeFileSync(state, '');
      writeFileSync(output, '');
      // A fresh node: this test's own process loaded node:crypto long ago.
      const script = [
        "import * as core from '@actions/core';",
        'core.saveState("run", JSON.stringify({ tags: ["a<<b", "c=d"] }));',
        'core.setOutput("digest", "sha256:0123");',
        'process.stdout.write(JSON.stringify(process.moduleLoadList.filter((name) => /crypto/.test(name))));',
      ].join('\n');
      const loaded = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: repoRoot,
        env: { ...process.env, GITHUB_STATE: state, GITHUB_OUTPUT: output },
        encoding: 'utf8',
      });
      expect(JSON.parse(loaded)).toEqual([]);
      expect(readFileSync(state, 'utf8')).toBe('run={"tags":["a<<b","c=d"]}\n');
      expect(readFileSync(output, 'utf8')).toBe('digest=sha256:0123\n');
    });

    // A name with = or << is one no runner reads back in either form: it keeps the form core always wrote.
    it.each([
      ['a multi-line value', 'notes', 'line 1\nline 2'],
      ['a value with a carriage return', 'notes', 'line 1\rline 2'],
      ['a name with =', 'a=b', 'value'],
      ['a name with <<', 'a<<b', 'value'],
    ])("keeps core's form between random delimiters for %s", (_case, name, value) => {
      const delimiter = /^ghadelimiter_[0-9a-f-]{36}$/;
      const [first = '', ...rest] = stateWrittenBy(() => {
        core.saveState(name, value);
      }).split('\n');
      expect(first.slice(0, name.length + 2)).toBe(`${name}<<`);
      expect(first.slice(name.length + 2)).toMatch(delimiter);
      expect(rest.join('\n')).toBe(`${value}\n${first.slice(name.length + 2)}\n`);
    });

    it('writes a multi-line value that the runner reads back whole', () => {
      const written = stateWrittenBy(() => {
        core.saveState('notes', 'line 1\nline 2');
        core.saveState('run', '{"mode":"multi"}');
      });
      expect(parseFileCommands(written)).toEqual({
        notes: 'line 1\nline 2',
        run: '{"mode":"multi"}',
      });
    });
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

  it('leaves node:crypto out of what the chunks the entry loads import at load time', () => {
    // The bundle's external modules, by id: `module.exports = ...createRequire(import.meta.url)("node:crypto")`.
    const entry = readFileSync(join(repoRoot, 'dist', 'index.js'), 'utf8');
    const cryptoIds = [
      ...entry.matchAll(
        /\/\*\*\*\/ (\d+):\s+\/\*\*\*\/ \(\(module\) => \{\s+module\.exports = [^\n]*\("(?:node:)?crypto"\)/g,
      ),
    ].map((match) => match[1]);
    expect(cryptoIds.length).toBeGreaterThan(0);
    const imports = entryChunks().flatMap((chunk) =>
      cryptoIds.filter((id) => chunk.includes(`__webpack_require__(${String(id)})`)),
    );
    expect(imports).toEqual([]);
  });
});
