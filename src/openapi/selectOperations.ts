import type { OpenAPIV3 } from 'openapi-types';
import type { Description } from './readDescription';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of a description, with where it is written. */
export interface SelectedOperation {
  method: (typeof methods)[number];
  path: string;
  operation: OpenAPIV3.OperationObject;
  /** JSON pointer of the operation in the description. */
  pointer: string;
}

/** Which operations to import: exact `METHOD /path` ones, or those under a path prefix or carrying a tag. */
export interface Selection {
  operations: string[];
  pathPrefix?: string;
  tag?: string;
}

/** RFC 6901: a JSON pointer token. */
export const pointerToken = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The operations a selection names, in the description's order; each `METHOD /path` must exist (an unknown one is
 * reported with the paths that come closest). All criteria given must hold.
 */
export function selectOperations(
  description: Description,
  selection: Selection,
): { selected: SelectedOperation[]; unknown: Array<{ asked: string; near: string[] }> } {
  const all: SelectedOperation[] = [];
  for (const [path, item] of Object.entries(description.doc.paths ?? {}))
    for (const method of methods) {
      const operation = (item as Record<string, unknown> | undefined)?.[method] as
        OpenAPIV3.OperationObject | undefined;
      if (operation) all.push({ method, path, operation, pointer: `/paths/${pointerToken(path)}/${method}` });
    }
  const asked = selection.operations.map((o) => {
    const [method = '', ...rest] = o.trim().split(/\s+/);
    return { asked: o, method: method.toLowerCase(), path: rest.join(' ') };
  });
  const unknown = asked
    .filter((a) => !all.some((op) => op.method === a.method && op.path === a.path))
    .map((a) => ({
      asked: a.asked,
      near: all
        .filter((op) => op.path.toLowerCase() === a.path.toLowerCase() || op.path.startsWith(a.path.split('{')[0]))
        .slice(0, 5)
        .map((op) => `${op.method.toUpperCase()} ${op.path}`),
    }));
  const selected = all.filter(
    (op) =>
      (asked.length === 0 || asked.some((a) => a.method === op.method && a.path === op.path)) &&
      (selection.pathPrefix === undefined || op.path.startsWith(selection.pathPrefix)) &&
      (selection.tag === undefined || (op.operation.tags ?? []).includes(selection.tag)),
  );
  return { selected, unknown };
}
