import { readYamlFile } from './readYamlFile';
import type { Locator } from '../common/sourceLocation';

/**
 * Locators for one document of a YAML file that parse the file only when first asked: a run reads scenarios from the
 * plan's JSON, and only a failure needs a line and column. The file is named `file` in what they return.
 */
export function lazyLocators(path: string, index: number, file: string): { locate: Locator; locateKey: Locator } {
  let parsed: ReturnType<typeof readYamlFile>['documents'][number] | null | undefined;
  const doc = () => (parsed === undefined ? (parsed = readYamlFile(path).documents[index] ?? null) : parsed);
  const at =
    (key: boolean): Locator =>
    (p) => {
      const found = doc();
      return found ? { ...(key ? found.locateKey(p) : found.locate(p)), file } : { file, line: 1, column: 1 };
    };
  return { locate: at(false), locateKey: at(true) };
}
