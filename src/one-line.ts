// Text that came from a server (an error message, a header, a tag list) on its way to the log or the job summary.
// The runner reads each line of a step's output that starts with `::` as a workflow command (::add-mask::,
// ::warning::…), so such text is kept on one line that does not start with `::`.

/** `text` on one line: each run of whitespace or control characters one space, and no leading `::`. */
export function oneLine(text: string): string {
  const line = text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  return line.startsWith('::') ? `: ${line.slice(1)}` : line;
}
