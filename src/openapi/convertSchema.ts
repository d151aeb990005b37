import type { OpenAPIV3 } from 'openapi-types';

/** Which way a body goes: a request contract refuses read-only properties, a response one drops write-only ones. */
export type Direction = 'request' | 'response';

/** A JSON Schema 2020-12 object as emitted (ajv strict accepts each keyword; `x-openapi` is a registered annotation). */
export type JsonSchema = Record<string, unknown> | boolean;

/** How a schema is converted: its direction, how a `$ref` is followed, and whether it is 3.0 (or 3.1: JSON Schema). */
export interface ConvertOptions {
  direction: Direction;
  /** The schema a local `$ref` points at, to find read-only and write-only properties through `allOf`. */
  resolve(ref: string): OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined;
  /** The `$ref` a component reference becomes in the contract (its `$defs` entry). */
  refTo(ref: string): string;
  version: '3.0' | '3.1';
}

/** OpenAPI formats that ajv-formats checks as they are. */
const knownFormats = new Set([
  'date',
  'time',
  'date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary',
]);

/** OpenAPI (and OData) formats ajv-formats lacks, as the JSON Schema that checks the same. */
const formatAsSchema: Record<string, Record<string, unknown>> = {
  base64url: { pattern: '^[A-Za-z0-9_-]*={0,2}$' },
  int8: { type: 'integer', minimum: -128, maximum: 127 },
  uint8: { type: 'integer', minimum: 0, maximum: 255 },
  int16: { type: 'integer', minimum: -32768, maximum: 32767 },
  decimal: {},
};

/** Keywords OpenAPI 3.0 shares with JSON Schema 2020-12 (the rest is converted or kept as an annotation). */
const shared = new Set([
  'title',
  'description',
  'default',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'readOnly',
  'writeOnly',
  'deprecated',
  'const',
]);

/**
 * The names of properties marked `readOnly` (request) or `writeOnly` (response) in a schema and its `allOf` bases,
 * followed through `$ref`: they leave `required`, wherever in that tree `required` names them.
 */
function flagged(
  schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject,
  options: ConvertOptions,
  seen = new Set<unknown>(),
): Set<string> {
  const out = new Set<string>();
  const node = '$ref' in schema ? options.resolve(schema.$ref) : schema;
  if (!node || seen.has(node) || '$ref' in node) return out;
  seen.add(node);
  const flag = options.direction === 'request' ? 'readOnly' : 'writeOnly';
  for (const [name, prop] of Object.entries(node.properties ?? {})) {
    const target = '$ref' in prop ? options.resolve(prop.$ref) : prop;
    if (target && !('$ref' in target) && target[flag]) out.add(name);
  }
  for (const part of node.allOf ?? []) for (const name of flagged(part, options, seen)) out.add(name);
  return out;
}

/**
 * Converts one OpenAPI schema to JSON Schema 2020-12 for a direction, following the rules Schemathesis's converter
 * shows are needed: `nullable` becomes a `null` type (and `null` in an `enum`), read-only properties are refused in
 * requests and write-only ones dropped from responses (and from `required`, also inside `allOf`), formats ajv-formats
 * lacks become the schema that checks them, `example` becomes `examples`, and `x-*` extensions, `discriminator`,
 * `externalDocs` and `xml` are kept under the `x-openapi` annotation.
 */
export function convertSchema(
  schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject,
  options: ConvertOptions,
  drop: Set<string> = flagged(schema, options),
): JsonSchema {
  if ('$ref' in schema) return { $ref: options.refTo(schema.$ref) };
  const source = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const annotations: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('x-') || key === 'discriminator' || key === 'externalDocs' || key === 'xml')
      annotations[key] = value;
    else if (key === 'example') out.examples = [value];
    else if (shared.has(key) || (options.version === '3.1' && !subschemaKeys.has(key) && key !== 'nullable'))
      out[key] = value;
  }
  const sub = (s: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject) => convertSchema(s, options);
  if (schema.properties) {
    const props: Record<string, JsonSchema> = {};
    const flag = options.direction === 'request' ? 'readOnly' : 'writeOnly';
    for (const [name, prop] of Object.entries(schema.properties)) {
      const target = '$ref' in prop ? options.resolve(prop.$ref) : prop;
      const marked = target && !('$ref' in target) && target[flag];
      // A read-only property sent in a request is refused; a write-only one in a response is not promised.
      if (marked && options.direction === 'request') props[name] = false;
      else if (!marked) props[name] = sub(prop);
    }
    out.properties = props;
  }
  if (Array.isArray(out.required)) {
    const required = (out.required as string[]).filter((n) => !drop.has(n));
    if (required.length) out.required = required;
    else delete out.required;
    // Graph's branches of an allOf require properties another branch defines; strict ajv wants each named here.
    const own = (out.properties ??= {}) as Record<string, JsonSchema>;
    for (const name of required) if (!(name in own)) own[name] = true;
  }
  if (schema.allOf) out.allOf = schema.allOf.map((s) => convertSchema(s, options, drop));
  if (schema.anyOf) out.anyOf = schema.anyOf.map(sub);
  if (schema.oneOf) out.oneOf = schema.oneOf.map(sub);
  if (schema.not) out.not = sub(schema.not);
  if ('items' in schema && schema.items) out.items = sub(schema.items);
  if (typeof schema.additionalProperties === 'object') out.additionalProperties = sub(schema.additionalProperties);
  else if (schema.additionalProperties !== undefined) out.additionalProperties = schema.additionalProperties;
  if (schema.format !== undefined) {
    const mapped = formatAsSchema[schema.format];
    if (mapped) Object.assign(out, mapped, mapped.type && out.type === 'number' ? { type: mapped.type } : {});
    else if (knownFormats.has(schema.format)) out.format = schema.format;
    else annotations.format = schema.format;
    // Graph writes integers as `type: number, format: int32`: a 1.5 is not an int32.
    if (out.type === 'number' && /^u?int\d+$/.test(schema.format)) out.type = 'integer';
  }
  if (options.version === '3.0' && schema.nullable) nullable(out);
  if (Object.keys(annotations).length) out['x-openapi'] = annotations;
  return out;
}

/** Keywords whose values are subschemas, converted above rather than copied. */
const subschemaKeys = new Set([
  'properties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'items',
  'additionalProperties',
  'format',
]);

/** OpenAPI 3.0's `nullable: true` in JSON Schema: a `null` type, `null` among the enum values, or a `null` branch. */
function nullable(out: Record<string, unknown>): void {
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type)) {
    if (!out.type.includes('null')) out.type = [...out.type, 'null'];
  } else if (!out.enum) {
    // No type of its own (a $ref in allOf, say): null, or whatever the rest of the schema allows.
    const rest = { ...out };
    for (const key of Object.keys(out)) delete out[key];
    out.anyOf = [{ type: 'null' }, rest];
  }
}
