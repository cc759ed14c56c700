// Docker Hub's registry has no DELETE (it answers 405 UNSUPPORTED, docker/hub-feedback#2360); tags are deleted
// through the Hub's own API:
// - the token: POST https://hub.docker.com/v2/auth/token {identifier, secret}, which takes a password, a personal
//   access token or an organization access token (docs.docker.com/reference/api/hub/latest, "Create access
//   token"; its predecessor /v2/users/login is deprecated);
// - the tag: DELETE https://hub.docker.com/v2/repositories/{namespace}/{repository}/tags/{tag}/, as Docker's own
//   hub-tool does (`hub-tool tag rm`, pkg/hub/tags.go). The Hub API reference documents only GET and HEAD of
//   /v2/namespaces/{namespace}/repositories/{repository}/tags/{tag}, so this is the endpoint Docker's client
//   uses rather than a documented one.
import { DOCKER_HUB, formatReference, type ImageName } from '../../reference.js';
import { NotYetVisibleError, RegistryAuthError, RegistryError } from '../errors.js';
import type { Transport } from '../transport.js';

const HUB_API = 'https://hub.docker.com';
const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

export class DockerHubApi {
  readonly #transport: Transport;
  /** One login per client, shared by concurrent deletions; forgotten when it fails. */
  #token: Promise<string> | undefined;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * One DELETE of the tag, never retried here: it deletes by name, whatever the tag points at, so its caller
   * checks the tag before each try. NotYetVisibleError when the Hub API does not know the tag (yet: it learns of
   * a tag a little after the registry accepted it).
   */
  async deleteTag(name: ImageName, tag: string): Promise<void> {
    const [namespace, repository, ...rest] = name.repository.split('/');
    if (namespace === undefined || repository === undefined || rest.length > 0) {
      throw new Error(`${formatReference({ ...name, tag })} is not a Docker Hub NAMESPACE/REPOSITORY`);
    }
    const token = await this.#login();
    const path = [namespace, repository, 'tags', tag].map(encodeURIComponent).join('/');
    const { response } = await this.#transport.request({
      action: `delete tag ${formatReference({ ...name, tag })} through the Docker Hub API`,
      method: 'DELETE',
      url: new URL(`/v2/repositories/${path}/`, HUB_API),
      credentials: { bearer: token },
      headers: JSON_HEADERS,
      expect: [200, 202, 204, 404],
      retry: false,
    });
    if (response.status === 404) {
      throw new NotYetVisibleError(`the Docker Hub API does not know the tag ${tag}`, 404);
    }
  }

  #login(): Promise<string> {
    if (this.#token === undefined) {
      const login = this.#createToken();
      this.#token = login;
      login.catch(() => {
        if (this.#token === login) this.#token = undefined;
      });
    }
    return this.#token;
  }

  async #createToken(): Promise<string> {
    const credential = await this.#transport.credential(DOCKER_HUB);
    if (credential?.kind !== 'password') {
      const has = credential === undefined ? 'none' : 'only an identity token';
      throw new RegistryAuthError(
        `the Docker Hub API needs a user name with a password or access token, and ` +
          `${this.#transport.credentialsDescription} has ${has} for docker.io`,
        undefined,
      );
    }
    this.#transport.reveal(credential.password);
    const url = new URL('/v2/auth/token', HUB_API);
    // Retried like the idempotent requests when it fails for a passing reason: a second login only makes a token.
    const { response } = await this.#transport.request({
      action: 'log in to the Docker Hub API',
      method: 'POST',
      url,
      headers: JSON_HEADERS,
      body: Buffer.from(JSON.stringify({ identifier: credential.username, secret: credential.password })),
      expect: [200, 401],
    });
    if (response.status === 401) {
      throw new RegistryAuthError(
        `authentication to the Docker Hub API failed for user "${credential.username}": POST ${url.href} answered 401`,
        401,
      );
    }
    const token = accessToken(response.text());
    if (token === undefined) {
      throw new RegistryError(`could not log in to the Docker Hub API: POST ${url.href} answered without a token`, 200);
    }
    this.#transport.reveal(token);
    return token;
  }
}

function accessToken(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const token = typeof body === 'object' && body !== null ? (body as { access_token?: unknown }).access_token : '';
    return typeof token === 'string' && token !== '' ? token : undefined;
  } catch {
    return undefined;
  }
}
