// The job summary: what was built, what was published, what was deleted or left behind, and where time went.
import type { RunState } from './state.js';

export interface PostReport {
  published: string[];
  deleted: string[];
  leftBehind: string[];
  notes: string[];
}

/** Markdown for GITHUB_STEP_SUMMARY. Pure: everything it shows comes from state and the post report. */
export function summaryMarkdown(state: RunState, report: PostReport): string {
  const lines = ['## multiarch-build', ''];
  const outcome = !state.mainCompleted
    ? 'Main did not finish: nothing was published.'
    : state.mode === 'shard'
      ? 'Built and handed off; the merge job publishes.'
      : report.published.length > 0 || state.published
        ? 'Published.'
        : state.publish === 'false'
          ? 'Built and pushed by digest; not published (publish: false or push: false).'
          : 'Not published.';
  lines.push(outcome, '');
  if (state.index) lines.push(`**Index digest:** \`${state.index.digest}\``, '');

  lines.push('| Platform | Manifest digest |', '| --- | --- |');
  for (const platform of state.platforms) {
    lines.push(`| ${platform} | ${state.platformDigests[platform] ? `\`${state.platformDigests[platform]}\`` : '—'} |`);
  }
  lines.push('');
  section(lines, 'Tags published', report.published);
  section(lines, 'Temporary tags deleted', report.deleted);
  section(lines, 'Left behind', report.leftBehind);
  section(lines, 'Notes', report.notes);
  if (state.timings.length > 0) {
    lines.push('| Phase | Seconds |', '| --- | --: |');
    for (const timing of state.timings) lines.push(`| ${timing.phase} | ${timing.seconds.toFixed(1)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

function section(lines: string[], title: string, items: string[]): void {
  if (items.length === 0) return;
  lines.push(`**${title}:**`, '', ...items.map((item) => `- \`${item}\``), '');
}
