// What every section of the benchmark gets from the run that hosts it.
import type { CleanupStack } from './cleanup.js';
import type { ThrowawayRegistry } from './registry.js';

export interface BenchContext {
  /** The copy of action.yml and dist/ that this run measures. */
  actionDir: string;
  /** A temporary directory for build contexts; removed when the run ends. */
  workDir: string;
  registry: ThrowawayRegistry;
  /** The lab's multi-arch busybox, copied into the throwaway registry. */
  baseImage: string;
  /** Timed repetitions of section 1. */
  overheadRuns: number;
  /** Timed repetitions of each other build comparison. */
  buildRuns: number;
  /** Timed repetitions of each cold start. */
  coldStartRuns: number;
  /** The node binary that runs the action's steps and the cold starts. */
  nodePath: string;
  /** Where a section registers what it creates that must go even if the run fails or is interrupted. */
  cleanup: CleanupStack;
  /** Progress, on stderr: stdout is the table. */
  log: (message: string) => void;
}
