import type { Locator, SourceLocation } from '../common/sourceLocation';

/** A status expectation item: an exact code or a class such as `4xx`. */
export type StatusPattern = number | string;

/** A rule for one response header; a plain string means an exact value. */
export type HeaderRule =
  | string
  | {
      equals?: string;
      pattern?: string;
      format?: 'uuid' | 'date-time' | 'http-date' | 'integer' | 'number' | 'json';
      mediaType?: string;
      absent?: true;
      echo?: string;
      elseSameAs?: string;
    };

/** What a response body must be. */
export interface BodyExpectation {
  schema?: string;
  empty?: true;
  odataType?: string;
  matches?: unknown;
  echoes?: true | { except?: string[] };
  persisted?: string | { step: string; except?: string[] };
  unchanged?: { from: string; except?: string[] };
  serverManaged?: { from: string; advanced?: boolean };
  items?: ItemsExpectation;
}

/** What the items of a collection answer (`value`) must be: how many, each one, which ids, in which order. */
export interface ItemsExpectation {
  count?: number | { min?: number; max?: number };
  every?: unknown;
  includes?: string[];
  excludes?: string[];
  sortedBy?: { property: string; order?: 'asc' | 'desc' };
}

/** What an answer must be; every part optional. */
export interface Expectation {
  status?: StatusPattern | StatusPattern[];
  headers?: Record<string, HeaderRule>;
  headerSchema?: string;
  body?: BodyExpectation;
  error?: { code: string | string[] };
  cases?: Record<string, Expectation>;
  defaults?: boolean;
}

/** A request before its {variables} are resolved. */
export interface RequestSpec {
  method: string;
  path: string;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string | null>;
  auth?: 'default' | 'none' | 'invalid';
  body?: unknown;
  rawBody?: string;
}

/** One request of a scenario and what its answer must be. */
export interface Step {
  name: string;
  delayMs?: number;
  request: RequestSpec;
  capture?: Record<string, string>;
  expect?: Expectation;
}

/** A scenario as written in YAML (validated against schemas/scenario.schema.json). */
export interface ScenarioDoc {
  id: string;
  title: string;
  description?: string;
  tags?: string[];
  uses?: Record<string, 'scratch'>;
  variables?: Record<string, string | number | boolean | null>;
  writes?: boolean;
  steps: Step[];
}

/** A request plus expectation, as used by fixtures. */
export interface Call {
  request: RequestSpec;
  expect?: Expectation;
}

/** How to obtain, snapshot, restore and dispose of an object a scenario works on. */
export interface FixtureDoc {
  create: Call;
  get: Call;
  update: Call;
  delete: Call;
  writable: string[];
  existingFrom?: string;
}

/** suite.yaml as written (validated against schemas/suite.schema.json). */
export interface SuiteDoc {
  suite: string;
  title: string;
  description?: string;
  variables?: Record<string, string | number | boolean>;
  probe?: Call;
  fixtures?: Record<string, FixtureDoc>;
  always?: Record<string, Expectation>;
}

/** A suite ready to run: its document plus where its parts come from. */
export interface Suite {
  doc: SuiteDoc;
  /** Relative to the working directory the run started in. */
  file: string;
  /** Which YAML document of the file it is. */
  index: number;
  locate: Locator;
}

/** A scenario ready to run. */
export interface Scenario {
  doc: ScenarioDoc;
  /** Relative to the working directory the run started in. */
  file: string;
  /** Which YAML document of the file it is. */
  index: number;
  /** Where its `id` is written: what reports point at. */
  at: SourceLocation;
  suite: Suite;
  locate: Locator;
}
