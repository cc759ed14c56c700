// Docker's credential helper protocol (https://github.com/docker/docker-credential-helpers, client/client.go):
// `docker-credential-<name> get` reads a server URL on stdin and writes {"ServerURL","Username","Secret"} on
// stdout. A helper without credentials for the server exits non-zero and prints "credentials not found in native
// keychain". A Username of `<token>` means that Secret is an identity token (cli/config/credentials/native_store.go).
// The helper's stdout is a secret: it is never logged or quoted, not even when the helper fails.
import { spawn } from 'node:child_process';

import type { Credential, Environment } from './credential.js';

/** Helpers may ask a keychain or a cloud API; one that hangs must not hang the action. */
export const CREDENTIAL_HELPER_TIMEOUT_MS = 30_000;

const NOT_FOUND = 'credentials not found in native keychain';
const IDENTITY_TOKEN_USERNAME = '<token>';
// A name, not a path: the program is looked up on the PATH, never run from elsewhere.
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_QUOTED_STDERR = 300;

/**
 * Asks the helper `docker-credential-<helper>` for the credentials of `serverUrl` (a host[:port], or
 * `https://index.docker.io/v1/` for Docker Hub), looking it up on `env.PATH`. Undefined when it has none.
 */
export async function getFromCredentialHelper(
  helper: string,
  serverUrl: string,
  env: Environment,
  timeoutMs: number = CREDENTIAL_HELPER_TIMEOUT_MS,
): Promise<Credential | undefined> {
  if (!HELPER_NAME.test(helper)) throw new Error(`"${helper}" is not a credential helper name`);
  const program = `docker-credential-${helper}`;
  const result = await run(program, ['get'], serverUrl, env, timeoutMs);
  if (result.outcome !== 'exited' || result.code !== 0) {
    if (result.outcome === 'exited' && result.stdout.trim() === NOT_FOUND) return undefined;
    const stderr = result.stderr.trim().replace(/\s+/g, ' ');
    const quoted = stderr.length > MAX_QUOTED_STDERR ? `${stderr.slice(0, MAX_QUOTED_STDERR)}…` : stderr;
    throw new Error(`${program} get ${describeOutcome(result, timeoutMs)}${quoted === '' ? '' : `: ${quoted}`}`);
  }

  const answer = parseAnswer(result.stdout);
  if (answer === undefined) {
    throw new Error(`${program} get answered something other than {"Username": …, "Secret": …} JSON`);
  }
  if (answer.Username === IDENTITY_TOKEN_USERNAME) {
    return { kind: 'identity-token', username: '', identityToken: answer.Secret };
  }
  if (answer.Username === '' && answer.Secret === '') return undefined;
  return { kind: 'password', username: answer.Username, password: answer.Secret };
}

type RunResult =
  | { outcome: 'exited'; code: number; stdout: string; stderr: string }
  | { outcome: 'killed'; signal: string; stderr: string }
  | { outcome: 'timed out'; stderr: string }
  | { outcome: 'not found'; stderr: '' };

/** Runs a program with argv (no shell), `input` on its stdin, and a time limit. */
function run(program: string, args: string[], input: string, env: Environment, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env: { ...env }, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      // A grandchild may hold the pipes open; without them, 'close' follows the kill at once.
      child.stdout.destroy();
      child.stderr.destroy();
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A helper that exits without reading its stdin must not fail the write.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT') resolve({ outcome: 'not found', stderr: '' });
      else reject(new Error(`cannot run ${program}: ${error.message}`, { cause: error }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const errors = Buffer.concat(stderr).toString('utf8');
      if (timedOut) resolve({ outcome: 'timed out', stderr: errors });
      else if (code === null) resolve({ outcome: 'killed', signal: signal ?? 'a signal', stderr: errors });
      else resolve({ outcome: 'exited', code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: errors });
    });
  });
}

function describeOutcome(result: RunResult, timeoutMs: number): string {
  switch (result.outcome) {
    case 'exited':
      return `exited with code ${result.code}`;
    case 'killed':
      return `was killed by ${result.signal}`;
    case 'timed out':
      return `did not finish within ${timeoutMs / 1000} s`;
    case 'not found':
      return 'cannot run: the program is not on the PATH';
  }
}

function parseAnswer(stdout: string): { Username: string; Secret: string } | undefined {
  let answer: unknown;
  try {
    answer = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (typeof answer !== 'object' || answer === null) return undefined;
  const { Username, Secret } = answer as { Username?: unknown; Secret?: unknown };
  return typeof Username === 'string' && typeof Secret === 'string' ? { Username, Secret } : undefined;
}
