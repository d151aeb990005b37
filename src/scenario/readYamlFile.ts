import { readFileSync, statSync } from 'node:fs';
import type { Document, LineCounter, Node } from 'yaml';
import { fileProblem, type Problem } from '../common/problem';
import { yamlErrorProblems } from './yamlErrorProblem';
import type { Locator, YamlPath } from '../common/sourceLocation';

/** Larger files are refused: no scenario needs a megabyte, and parsing one blocks the run. */
export const maxYamlBytes = 1024 * 1024;
/** Aliases beyond this count are refused, which defuses "billion laughs" alias bombs. */
export const maxAliasCount = 100;

/** One YAML document of a file, its plain value, and how to find any part of it in the source. */
export interface YamlDocument {
  value: unknown;
  locate: Locator;
  /** Locates the key of the entry at `path` instead of its value (for "unknown property" errors). */
  locateKey: Locator;
  /** Its place among the file's non-empty documents, so a later reader can find it again. */
  index: number;
}

/** The documents of one file, or the problems that prevent reading it. */
export interface YamlFile {
  file: string;
  documents: YamlDocument[];
  problems: Problem[];
}

/**
 * The YAML library, loaded on first use: a run's workers read scenarios from JSON and parse YAML only to locate a
 * failure.
 */
const yaml = () => require('yaml') as typeof import('yaml');

/** Reads a YAML file defensively (size, encoding, duplicate keys, alias bombs), keeping source positions. */
export function readYamlFile(file: string): YamlFile {
  const result: YamlFile = { file, documents: [], problems: [] };
  const text = readText(file, result.problems);
  if (text === undefined) return result;
  const { LineCounter, parseAllDocuments } = yaml();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, strict: true, prettyErrors: false });
  if (!Array.isArray(docs)) return result; // an empty stream
  for (const doc of docs) {
    result.problems.push(...yamlErrorProblems([...doc.errors, ...doc.warnings], text, lineCounter, file));
    if (doc.errors.length > 0) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount });
    } catch (error) {
      result.problems.push(
        fileProblem(
          file,
          'yaml.aliases',
          `${(error as Error).message}`,
          `use at most ${maxAliasCount} alias expansions; write the values out instead`,
        ),
      );
      continue;
    }
    if (value === null || value === undefined) continue; // an empty document between separators
    result.documents.push({
      value,
      index: result.documents.length,
      locate: locator(file, doc, lineCounter, false),
      locateKey: locator(file, doc, lineCounter, true),
    });
  }
  return result;
}

function readText(file: string, problems: Problem[]): string | undefined {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > maxYamlBytes) {
      problems.push(
        fileProblem(
          file,
          'yaml.tooLarge',
          `the file is ${size} bytes; at most ${maxYamlBytes} are read`,
          'split it into several scenario files',
        ),
      );
      return undefined;
    }
    bytes = readFileSync(file);
  } catch (error) {
    problems.push(
      fileProblem(
        file,
        'file.unreadable',
        `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      ),
    );
    return undefined;
  }
  if (bytes.includes(0)) {
    problems.push(
      fileProblem(
        file,
        'yaml.binary',
        'the file holds NUL bytes: it is binary, not YAML text',
        'save it as UTF-8 text',
      ),
    );
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problems.push(fileProblem(file, 'yaml.encoding', 'the file is not valid UTF-8', 'save it as UTF-8 text'));
    return undefined;
  }
}

function locator(file: string, doc: Document, lines: LineCounter, wantKey: boolean): Locator {
  return (path: YamlPath) => {
    const offset = findOffset(doc.contents as Node | null, path, wantKey) ?? 0;
    const pos = lines.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
}

/** Walks as deep as the path exists and returns the start offset of the deepest node reached. */
function findOffset(root: Node | null, path: YamlPath, wantKey: boolean): number | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = root;
  let offset = (root as Node | null)?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return offset;
      const last = i === path.length - 1;
      const keyNode = pair.key as Node;
      if (last && wantKey) return keyNode.range?.[0] ?? offset;
      node = pair.value;
      offset = (pair.value as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node) && /^\d+$/.test(String(segment))) {
      node = node.items[Number(segment)];
      offset = (node as Node | undefined)?.range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}
