import type { Expectation } from './types';
import type { YamlPath } from '../common/sourceLocation';

/** Visits an expectation and every nested `cases` expectation with its path in the document. */
export function walkExpectations(
  expectation: Expectation | undefined,
  path: YamlPath,
  visit: (e: Expectation, path: YamlPath) => void,
): void {
  if (!expectation) return;
  visit(expectation, path);
  for (const [key, nested] of Object.entries(expectation.cases ?? {}))
    walkExpectations(nested, [...path, 'cases', key], visit);
}
