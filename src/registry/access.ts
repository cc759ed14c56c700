// The action's registry client: credentials as docker login stored them (config file or credential helpers), every
// secret masked in the log, each retry of a failing request logged, and a check before any build that the
// credentials are accepted (a wrong password fails in seconds, not after a build).
import * as core from '@actions/core';
import { formatName, type ImageName } from '../reference.js';
import { RegistryClient } from './client.js';
import type { CredentialSource } from './credentials/credential.js';
import { DockerConfigCredentials } from './credentials/docker-config.js';

export function createRegistryClient(
  env: NodeJS.ProcessEnv = process.env,
  credentials: CredentialSource = DockerConfigCredentials.fromEnvironment(env),
): RegistryClient {
  return new RegistryClient({
    credentials,
    onSecret: (secret) => {
      core.setSecret(secret);
    },
    // A retry that then succeeds is worth knowing (a slow or flaky registry), not worth a warning annotation.
    onRetry: (message) => {
      core.info(message);
    },
  });
}

/**
 * Reads the credentials of each registry (so an unreadable docker config fails here, even for a registry that
 * needs none), then asks each repository to start an upload, which needs push: a wrong password or a credential
 * that may only pull fails here, in seconds, not after the build.
 */
export async function checkPushAccess(
  registry: RegistryClient,
  credentials: CredentialSource,
  names: ImageName[],
): Promise<void> {
  const seen = new Set<string>();
  for (const name of names) {
    const key = formatName(name);
    if (seen.has(key)) continue;
    seen.add(key);
    await credentials.get(name.registry);
    await registry.checkPushAllowed({ registry: name.registry, repository: name.repository });
  }
}
