/** Where something stands in a YAML file, 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A path into a parsed YAML document, e.g. `['steps', 1, 'expect', 'status']`. */
export type YamlPath = ReadonlyArray<string | number>;

/** Maps a path inside a loaded document to its place in the source file. */
export type Locator = (path: YamlPath) => SourceLocation;
