// What a registry credential is, and where the client gets one: shared by the docker config reader, the credential
// helpers and the transport.

/** A user name and a password (or personal access token) for basic auth or a token server. */
export interface PasswordCredential {
  kind: 'password';
  username: string;
  password: string;
}

/** An OAuth2 refresh token (`identitytoken` in the docker config), exchanged at the registry's token server. */
export interface IdentityTokenCredential {
  kind: 'identity-token';
  /** Often a placeholder (ACR writes `00000000-0000-0000-0000-000000000000`); shown in messages only. */
  username: string;
  identityToken: string;
}

export type Credential = PasswordCredential | IdentityTokenCredential;

/** Where the client gets credentials. */
export interface CredentialSource {
  /** Where the credentials come from, for messages, e.g. `the docker config /root/.docker/config.json`. */
  readonly description: string;
  /** The credential for a registry (`host[:port]`, Docker Hub as `docker.io`), or undefined to go anonymous. */
  get(registry: string): Promise<Credential | undefined>;
}

export type Environment = Readonly<Record<string, string | undefined>>;
