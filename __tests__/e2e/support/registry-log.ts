// What the lab registry was asked, from its own access log (distribution writes one combined-format line per
// request to stdout, which `lab.sh up` sends to $LAB_DIR/log/registry.log): the proof that a run never created a
// tag, which no look at the registry afterwards can give.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LAB_DIR = process.env.LAB_DIR ?? '/var/lib/multiarch-lab';
const REGISTRY_LOG = join(LAB_DIR, 'log', 'registry.log');

/** A repository's manifest PUTs by tag (not by digest), in the order the registry logged them: `[tag, status]`. */
export function taggedManifestPuts(repository: string): { tag: string; status: number }[] {
  return manifestRequests('PUT', repository)
    .filter(({ reference }) => !reference.startsWith('sha256:'))
    .map(({ reference, status }) => ({ tag: reference, status }));
}

/** A repository's manifest requests of one method, in the order the registry logged them. */
export function manifestRequests(method: string, repository: string): { reference: string; status: number }[] {
  const prefix = `"${method} /v2/${repository}/manifests/`;
  return readFileSync(REGISTRY_LOG, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const start = line.indexOf(prefix);
      if (start === -1) return [];
      // `<reference> HTTP/1.1" <status> …`: the status follows the closing quote.
      const [reference = '', , status = ''] = line.slice(start + prefix.length).split(' ');
      return [{ reference: decodeURIComponent(reference), status: Number(status) }];
    });
}
