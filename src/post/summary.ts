// The job summary: what was built, what was published, what was deleted, left behind or skipped, and where time went.
import { describeOutcome, type PublishIncompleteError } from '../image-index/publish.js';
import { oneLine } from '../one-line.js';
import type { SigningRecord, StoredBundle } from '../signing/sign-index.js';
import type { RunState } from '../state.js';

/** Something cleanup chose not to touch (a tag, or a whole sweep), and why. */
export interface Skipped {
  subject: string;
  reason: string;
}

export interface PostReport {
  published: string[];
  deleted: string[];
  leftBehind: string[];
  skipped: Skipped[];
  /** Set when publishing left some final tags elsewhere than the index: where each points, and how to finish. */
  incompletePublish?: Pick<PublishIncompleteError, 'indexDigest' | 'tags' | 'command'>;
  notes: string[];
}

/** Markdown for GITHUB_STEP_SUMMARY. Pure: everything it shows comes from state and the post report. */
export function summaryMarkdown(state: RunState, report: PostReport): string {
  const lines = ['## multiarch-build', ''];
  const outcome = !state.mainCompleted
    ? 'Main did not finish: nothing was published.'
    : state.mode === 'shard'
      ? 'Built and handed off; the merge job publishes.'
      : report.incompletePublish
        ? 'Not published under every tag: see below where each tag points, and how to finish.'
        : report.published.length > 0 || state.published
          ? 'Published.'
          : state.publish === 'false'
            ? 'Built and pushed by digest; not published (publish: false or push: false).'
            : 'Not published.';
  lines.push(outcome, '');
  if (state.index) lines.push(`**Index digest:** \`${state.index.digest}\``, '');
  if (state.signing) lines.push(...signingLines(state.signing));

  lines.push('| Platform | Manifest digest |', '| --- | --- |');
  for (const platform of state.platforms) {
    lines.push(`| ${platform} | ${state.platformDigests[platform] ? `\`${state.platformDigests[platform]}\`` : '—'} |`);
  }
  lines.push('');
  if (report.incompletePublish) incompletePublishSection(lines, report.incompletePublish);
  section(lines, 'Tags published', report.published);
  section(lines, 'Temporary tags deleted', report.deleted);
  section(lines, 'Left behind', report.leftBehind);
  if (report.skipped.length > 0) {
    lines.push(
      '**Skipped:**',
      '',
      ...report.skipped.map((item) => `- \`${item.subject}\`: ${markdownText(item.reason)}`),
      '',
    );
  }
  section(lines, 'Notes', report.notes);
  if (state.timings.length > 0) {
    lines.push('| Phase | Seconds |', '| --- | --: |');
    for (const timing of state.timings) lines.push(`| ${timing.phase} | ${timing.seconds.toFixed(1)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

function incompletePublishSection(lines: string[], incomplete: NonNullable<PostReport['incompletePublish']>): void {
  lines.push(
    '**Not published under every tag:**',
    '',
    ...incomplete.tags.map((outcome) => `- ${markdownText(describeOutcome(outcome, incomplete.indexDigest))}`),
    '',
    'To finish publishing, run:',
    '',
    '```sh',
    incomplete.command,
    '```',
    '',
  );
}

/** Whether the index is signed and attested, and where the bundles are (never a token: there is none in state). */
function signingLines({ signature, unsigned, attestation }: SigningRecord): string[] {
  const lines: string[] = [];
  if (signature) lines.push(`**Signed:** ${storedText(signature, 'signature')}`, '');
  if (unsigned !== undefined) lines.push(`**Unsigned:** ${markdownText(unsigned)}`, '');
  if (attestation) {
    const github = attestation.githubId === undefined ? '' : `; GitHub attestation ${attestation.githubId}`;
    lines.push(`**Provenance attested:** ${storedText(attestation, 'attestation')}${github}`, '');
  }
  return lines;
}

function storedText(stored: StoredBundle, what: string): string {
  const referrer = stored.digest === undefined ? 'not in the registry' : `referrer \`${stored.digest}\` of the index`;
  return `${what} ${referrer}; bundle \`${stored.bundlePath}\``;
}

function section(lines: string[], title: string, items: string[]): void {
  if (items.length === 0) return;
  lines.push(`**${title}:**`, '', ...items.map((item) => `- \`${item}\``), '');
}

/**
 * Plain text (with a registry's messages in it) as Markdown: on one line, a list item's, and every character that
 * Markdown, HTML or math would read escaped, so it shows as it is.
 */
function markdownText(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~&$]/g, '\\$&');
}
