import { createHash } from 'node:crypto';
import { readPointer } from '../common/readPointer';
import { stableJson } from '../common/stableJson';
import type { OpenAPIV3 } from 'openapi-types';
import { convertSchema, type Direction, type JsonSchema } from './convertSchema';
import type { Description } from './readDescription';
import { pointerToken, type SelectedOperation } from './selectOperations';

/** One generated contract: its file name, `$id` and schema. */
export interface GeneratedContract {
  /** `request`, or `response.<status>` as the description writes it (`response.2XX`, `response.default`). */
  kind: string;
  fileName: string;
  id: string;
  schema: Record<string, unknown>;
}

type Node = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

/** The JSON media types whose schema becomes a body contract. */
const isJson = (mediaType: string) => /^application\/([\w.+-]*\+)?json\b/i.test(mediaType);

/** Reads a local `#/...` reference of the description. */
function resolvePointer(doc: unknown, ref: string): unknown {
  return ref.startsWith('#/') ? readPointer(doc, ref.slice(1)) : undefined;
}

/** The `$defs` key a component schema gets: its name, as it is (Graph names are dotted: microsoft.graph.entity). */
const defName = (ref: string) => ref.split('/').at(-1)!.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * The contracts of one operation: its JSON request body, and the body of each response status (ranges such as `2XX`
 * and `4XX`, and `default`, as written), each self-contained: the `$ref` closure of its schema converted for its
 * direction in `$defs`, nothing else of the description. Each carries its provenance: the file, the JSON pointer, and
 * a hash of the source schema and its closure, so a re-import tells changed contracts from unchanged ones.
 */
export function operationContracts(
  description: Description,
  op: SelectedOperation,
  idPrefix: string,
): GeneratedContract[] {
  const doc = description.doc;
  const name = op.operation.operationId ?? `${op.method}${op.path.replace(/[^A-Za-z0-9]+/g, '_')}`;
  const out: GeneratedContract[] = [];
  const follow = <T>(node: T | OpenAPIV3.ReferenceObject | undefined): T | undefined => {
    let current: unknown = node;
    for (let hops = 0; current && typeof current === 'object' && '$ref' in current && hops < 20; hops++)
      current = resolvePointer(doc, (current as OpenAPIV3.ReferenceObject).$ref);
    return current as T | undefined;
  };
  const emit = (kind: string, direction: Direction, schema: Node, pointer: string) => {
    const contract = bodyContract(description, schema, direction, pointer);
    const id = `${idPrefix}${name}.${kind}`;
    out.push({ kind, fileName: `${name}.${kind}.json`, id, schema: { $id: id, ...contract } });
  };
  const body = follow<OpenAPIV3.RequestBodyObject>(op.operation.requestBody);
  for (const [mediaType, media] of Object.entries(body?.content ?? {}))
    if (isJson(mediaType) && media.schema) {
      emit('request', 'request', media.schema, `${op.pointer}/requestBody/content/${pointerToken(mediaType)}/schema`);
      break;
    }
  for (const [status, response] of Object.entries(op.operation.responses ?? {})) {
    const resolved = follow<OpenAPIV3.ResponseObject>(response);
    for (const [mediaType, media] of Object.entries(resolved?.content ?? {}))
      if (isJson(mediaType) && media.schema) {
        const at =
          '$ref' in response
            ? `${response.$ref.slice(1)}/content/${pointerToken(mediaType)}/schema`
            : `${op.pointer}/responses/${pointerToken(status)}/content/${pointerToken(mediaType)}/schema`;
        emit(`response.${status}`, 'response', media.schema, at);
        break;
      }
  }
  return out;
}

/** One body schema as a contract: the schema converted, its closure in `$defs`, its provenance. */
function bodyContract(
  description: Description,
  root: Node,
  direction: Direction,
  pointer: string,
): Record<string, unknown> {
  const doc = description.doc;
  const closure = new Map<string, Node>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && !closure.has(ref)) {
      const target = resolvePointer(doc, ref) as Node | undefined;
      if (target) {
        closure.set(ref, target);
        visit(target);
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(root);
  // A base type's discriminator maps @odata.type values to derived types: the contract dispatches on them at its root.
  const base = '$ref' in root ? closure.get(root.$ref) : root;
  const mapping = base && !('$ref' in base) ? base.discriminator?.mapping : undefined;
  for (const ref of Object.values(mapping ?? {})) if (!closure.has(ref)) visit({ $ref: ref });
  const options = {
    direction,
    version: description.version,
    resolve: (ref: string) => closure.get(ref) ?? (resolvePointer(doc, ref) as Node | undefined),
    refTo: (ref: string) => `#/$defs/${pointerToken(defName(ref))}`,
  };
  const defs: Record<string, JsonSchema> = {};
  for (const [ref, node] of closure) defs[defName(ref)] = convertSchema(node, options);
  let schema = convertSchema(root, options) as Record<string, unknown>;
  const property = base && !('$ref' in base) ? base.discriminator?.propertyName : undefined;
  if (mapping && property) {
    const dispatch = Object.entries(mapping).map(([value, ref]) => ({
      if: { type: 'object', properties: { [property]: { const: value } }, required: [property] },
      then: { $ref: options.refTo(ref) },
    }));
    schema = { allOf: [schema, ...dispatch] };
  }
  const sha256 = createHash('sha256')
    .update(stableJson({ root, closure: [...closure].sort(([a], [b]) => a.localeCompare(b)) }))
    .digest('hex');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    'x-provenance': { source: description.file, pointer, sha256, direction },
    ...schema,
    ...(Object.keys(defs).length ? { $defs: defs } : {}),
  };
}
