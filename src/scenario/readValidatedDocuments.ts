import { relative } from 'node:path';
import { documentSchemas, type DocumentKind } from './documentSchemas';
import type { Problem } from '../common/problem';
import { readYamlFile, type YamlDocument } from './readYamlFile';
import { schemaProblems } from './schemaProblems';

/**
 * Reads a YAML file and keeps the documents valid against its kind's schema; every problem goes to `problems`, located
 * relative to `cwd`.
 */
export function readValidatedDocuments(
  path: string,
  cwd: string,
  kind: DocumentKind,
  problems: Problem[],
): YamlDocument[] {
  const read = readYamlFile(path);
  const file = relative(cwd, path);
  for (const problem of read.problems) problems.push({ ...problem, location: { ...problem.location, file } });
  const validate = documentSchemas()[kind];
  const valid: YamlDocument[] = [];
  for (const doc of read.documents) {
    const located: YamlDocument = {
      value: doc.value,
      index: doc.index,
      locate: (p) => ({ ...doc.locate(p), file }),
      locateKey: (p) => ({ ...doc.locateKey(p), file }),
    };
    if (validate(doc.value)) valid.push(located);
    else problems.push(...schemaProblems(validate.errors ?? [], located, kind));
  }
  return valid;
}
