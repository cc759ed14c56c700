// What the lab registry was asked, from its own access log (distribution writes one combined-format line per
// request to stdout, which `lab.sh up` sends to $LAB_DIR/log/registry.log): the proof that a run never created a
// tag, which no look at the registry afterwards can give.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LAB_DIR = process.env.LAB_DIR ?? '/var/lib/multiarch-lab';
const REGISTRY_LOG = join(LAB_DIR, 'log', 'registry.log');

/** A repository's manifest PUTs by tag (not by digest), in the order the registry logged them: `[tag, status]`. */
export function taggedManifestPuts(repository: string): { tag: string; status: number }[] {
  const prefix = `"PUT /v2/${repository}/manifests/`;
  return readFileSync(REGISTRY_LOG, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const start = line.indexOf(prefix);
      if (start === -1) return [];
      const [reference = '', , status = ''] = line.slice(start + prefix.length).split(' ');
      if (reference.startsWith('sha256:')) return [];
      // `<tag> HTTP/1.1" <status> …`: the status follows the closing quote.
      return [{ tag: decodeURIComponent(reference), status: Number(status) }];
    });
}
