// Dockerfile checks as buildx reports them in its metadata file, and the annotations they make, for the tests of
// the conversion and of the builds that report them.
import type { CheckAnnotation } from '../../../src/docker/check-annotations.js';

export const base64 = (text: string): string => Buffer.from(text).toString('base64');

// The lab's Dockerfile with two check violations: `as` against `FROM` (line 1), and `from` against the majority.
export const DOCKERFILE = 'FROM 127.0.0.1:5000/lab/busybox:latest as base\nRUN true\nfrom base\n';

/**
 * Two checks as buildx 0.29.1 writes them to the metadata file (`buildx.build.warnings`, BuildKit's VertexWarning as
 * Go marshals it: bytes as base64). The lab's BuildKit (0.13) runs no Dockerfile checks, so these are written from
 * the rules' documented messages, for DOCKERFILE as the Dockerfile frontend sees it (named `Dockerfile`).
 */
export function checkWarnings(): unknown[] {
  const sourceInfo = { filename: 'Dockerfile', data: base64(DOCKERFILE), language: 'Dockerfile' };
  return [
    {
      level: 1,
      short: base64("FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)"),
      detail: [base64("The 'as' keyword should match the case of the 'from' keyword")],
      url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
      sourceInfo,
      range: [{ start: { line: 1 }, end: { line: 1 } }],
    },
    {
      level: 1,
      short: base64(
        "ConsistentInstructionCasing: Command 'from' should match the case of the command majority (uppercase) (line 3)",
      ),
      detail: [base64('All commands within the Dockerfile should use the same casing (either upper or lower)')],
      url: 'https://docs.docker.com/go/dockerfile/rule/consistent-instruction-casing/',
      sourceInfo,
      range: [{ start: { line: 3 }, end: { line: 3 } }],
    },
  ];
}

export const EXPECTED: CheckAnnotation[] = [
  {
    title: "The 'as' keyword should match the case of the 'from' keyword",
    message:
      "FromAsCasing: 'as' and 'FROM' keywords' casing do not match\nMore info: https://docs.docker.com/go/dockerfile/rule/from-as-casing/",
    file: 'docker/Dockerfile',
    startLine: 1,
  },
  {
    title: 'All commands within the Dockerfile should use the same casing (either upper or lower)',
    message:
      "ConsistentInstructionCasing: Command 'from' should match the case of the command majority (uppercase)\nMore info: https://docs.docker.com/go/dockerfile/rule/consistent-instruction-casing/",
    file: 'docker/Dockerfile',
    startLine: 3,
  },
];
