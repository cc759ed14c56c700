// buildx's plain progress output, as main watches it while a build runs: a step's status line once it is done,
// `#9 naming to 127.0.0.1:5000/app:tmp done` (with the time it took when that was long enough to show:
// `#9 pushing layers 0.1s done`).

/** The status of a finished step (`naming to 127.0.0.1:5000/app:tmp`), or undefined for any other line. */
export function finishedStatus(line: string): string | undefined {
  return /^#\d+ (.+?)(?: \d+(?:\.\d+)?s)? done$/.exec(line.trim())?.[1];
}
