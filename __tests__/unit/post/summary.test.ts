// The job summary post writes: what cleanup skipped and why, and, after a publish that did not reach every tag,
// where each tag points and the one command that finishes the job.
import { emptyRunState, type RunState } from '../../../src/state.js';
import { summaryMarkdown, type PostReport } from '../../../src/post/summary.js';

const INDEX = `sha256:${'1'.repeat(64)}`;
const OLD = `sha256:${'2'.repeat(64)}`;

const state: RunState = {
  ...emptyRunState(),
  mode: 'fan-out',
  mainCompleted: true,
  platforms: ['linux/amd64'],
  finalTags: ['ghcr.io/acme/app:v1', 'docker.io/acme/app:v1'],
  index: { mediaType: 'application/vnd.oci.image.index.v1+json', digest: INDEX, size: 100 },
};

function report(overrides: Partial<PostReport>): PostReport {
  return { published: [], deleted: [], leftBehind: [], skipped: [], notes: [], ...overrides };
}

/** The lines of the summary from `**title**` to the next blank line after its items. */
function section(markdown: string, title: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`**${title}:**`);
  if (start === -1) return [];
  const end = lines.indexOf('', start + 2);
  return lines.slice(start + 2, end === -1 ? undefined : end);
}

describe('summaryMarkdown', () => {
  it('lists what cleanup skipped, each with its reason on one line', () => {
    const markdown = summaryMarkdown(
      state,
      report({
        published: state.finalTags,
        skipped: [
          {
            subject: 'ghcr.io/acme/app:latest-amd64',
            reason: 'kept: could not check what it points at (HEAD\nanswered 403)',
          },
          { subject: 'stale temporary tags', reason: 'not looked for: this run pushed nothing' },
        ],
      }),
    );
    expect(section(markdown, 'Skipped')).toEqual([
      '- `ghcr.io/acme/app:latest-amd64`: kept: could not check what it points at (HEAD answered 403)',
      '- `stale temporary tags`: not looked for: this run pushed nothing',
    ]);
    expect(markdown).toContain('Published.');
  });

  it("shows a registry's text as text: one line, its Markdown and HTML escaped", () => {
    const markdown = summaryMarkdown(
      state,
      report({
        published: state.finalTags,
        skipped: [
          {
            subject: 'ghcr.io/acme/app:old',
            reason:
              'kept: answered 403 <img src=x> [see](https://x.example) **now** `a|b` ~c~ $x$ a\\b &amp;\n::warning::x',
          },
        ],
      }),
    );
    expect(section(markdown, 'Skipped')).toEqual([
      '- `ghcr.io/acme/app:old`: kept: answered 403 \\<img src=x\\> \\[see\\](https://x.example) \\*\\*now\\*\\* ' +
        '\\`a\\|b\\` \\~c\\~ \\$x\\$ a\\\\b \\&amp; ::warning::x',
    ]);
  });

  it('has no Skipped section when nothing was skipped', () => {
    expect(summaryMarkdown(state, report({ published: state.finalTags }))).not.toContain('Skipped');
  });

  it('says where each tag points after a publish that did not reach every tag, and the command that finishes', () => {
    const command = `docker buildx imagetools create -t docker.io/acme/app:v1 ghcr.io/acme/app@${INDEX}`;
    const markdown = summaryMarkdown(
      state,
      report({
        incompletePublish: {
          indexDigest: INDEX,
          tags: [
            { tag: 'ghcr.io/acme/app:v1', pointsAt: INDEX },
            { tag: 'docker.io/acme/app:v1', pointsAt: OLD, problem: 'its PUT failed: answered 403 DENIED' },
          ],
          command,
        },
      }),
    );
    expect(markdown).toContain('Not published under every tag: see below where each tag points, and how to finish.');
    expect(markdown).not.toContain('Published.');
    expect(section(markdown, 'Not published under every tag')).toEqual([
      `- ghcr.io/acme/app:v1 points at ${INDEX} (the index)`,
      `- docker.io/acme/app:v1 points at ${OLD}: not published, its PUT failed: answered 403 DENIED`,
    ]);
    expect(markdown).toContain(['To finish publishing, run:', '', '```sh', command, '```'].join('\n'));
  });

  it('says the index is signed and attested: the referrers, the bundles, the GitHub attestation', () => {
    const signing = {
      signature: { digest: `sha256:${'a'.repeat(64)}`, bundlePath: '/runner/tmp/signature.sigstore.json' },
      attestation: {
        digest: `sha256:${'b'.repeat(64)}`,
        bundlePath: '/runner/tmp/provenance.sigstore.json',
        githubId: '42',
      },
    };
    const lines = summaryMarkdown({ ...state, signing }, report({ published: state.finalTags })).split('\n');
    expect(lines).toContain(
      `**Signed:** signature referrer \`sha256:${'a'.repeat(64)}\` of the index; bundle \`/runner/tmp/signature.sigstore.json\``,
    );
    expect(lines).toContain(
      `**Provenance attested:** attestation referrer \`sha256:${'b'.repeat(64)}\` of the index; bundle ` +
        '`/runner/tmp/provenance.sigstore.json`; GitHub attestation 42',
    );
  });

  it('says why the index is unsigned, as plain text', () => {
    const signing = { unsigned: 'signing failed: Fulcio answered 503 <html>' };
    const lines = summaryMarkdown({ ...state, signing }, report({ published: state.finalTags })).split('\n');
    expect(lines).toContain('**Unsigned:** signing failed: Fulcio answered 503 \\<html\\>');
  });
});
