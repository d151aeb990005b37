import { readPointer } from '../common/readPointer';

/** One property of a body contract, as a diff compares it. */
export interface PropertyShape {
  /** JSON types it allows (`null` among them when nullable); empty when any. */
  types: string[];
  format?: string;
  /** The values it allows when an enum or a const closes it. */
  enum?: unknown[];
  required: boolean;
  /** The contract refuses it outright (`false`: a read-only property in a request). */
  refused: boolean;
}

/** A body contract reduced to what clients and servers rely on: its properties, and whether others are allowed. */
export interface ContractShape {
  properties: Map<string, PropertyShape>;
  /** `additionalProperties: false` somewhere in the object's definition. */
  closed: boolean;
}

type Schema = Record<string, unknown> | boolean;

/** Keywords that say nothing about the value: a `$ref` beside only these is the referenced schema. */
const annotationKeys = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'x-provenance',
  'x-openapi',
]);

/** Finds a schema by `$id`, for `$ref`s into other contracts (`graph.beta.x#/$defs/y`). */
export type SchemaRegistry = (id: string) => Record<string, unknown> | undefined;

/** Follows `$ref`s (local, or into another contract by `$id`) and returns the schema and the document it is in. */
function follow(
  schema: Schema,
  doc: Record<string, unknown>,
  registry: SchemaRegistry,
  hops = 0,
): [Schema, Record<string, unknown>] {
  if (typeof schema !== 'object' || typeof schema.$ref !== 'string' || hops > 32) return [schema, doc];
  const [id, fragment = ''] = schema.$ref.split('#');
  const target = id ? registry(id) : doc;
  if (!target) return [schema, doc];
  const resolved = readPointer(target, fragment) as Schema | undefined;
  if (resolved === undefined) return [schema, doc];
  // A $ref beside other keywords: the rest applies too (2020-12), so the referenced schema is merged in.
  const rest = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$ref'));
  if (!Object.keys(rest).some((key) => !annotationKeys.has(key))) return follow(resolved, target, registry, hops + 1);
  // The reference stays a branch of its own, resolved from this document when it is visited.
  return [{ ...rest, allOf: [...((rest.allOf as Schema[] | undefined) ?? []), { $ref: schema.$ref }] }, doc];
}

/** The JSON types a property schema allows, following `$ref`, `anyOf`/`oneOf` branches and `const`/`enum` values. */
function shapeOf(
  schema: Schema,
  doc: Record<string, unknown>,
  registry: SchemaRegistry,
): Omit<PropertyShape, 'required'> {
  if (schema === false) return { types: [], refused: true };
  if (schema === true) return { types: [], refused: false };
  const [s, d] = follow(schema, doc, registry);
  if (typeof s !== 'object') return shapeOf(s, d, registry);
  const types = new Set<string>();
  let format: string | undefined;
  let values: unknown[] | undefined;
  const add = (t: unknown) => (Array.isArray(t) ? t : t === undefined ? [] : [t]).forEach((x) => types.add(String(x)));
  add(s.type);
  if (typeof s.format === 'string') format = s.format;
  if ('const' in s) values = [s.const];
  if (Array.isArray(s.enum)) values = s.enum;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    for (const branch of (s[key] as Schema[] | undefined) ?? []) {
      const inner = shapeOf(branch, d, registry);
      inner.types.forEach((t) => types.add(t));
      format ??= inner.format;
      if (inner.enum) values = [...(values ?? []), ...inner.enum];
    }
  // A const or enum without a type allows the types of its values.
  if (types.size === 0 && values)
    for (const v of values)
      types.add(
        v === null
          ? 'null'
          : Array.isArray(v)
            ? 'array'
            : typeof v === 'number'
              ? Number.isInteger(v)
                ? 'integer'
                : 'number'
              : typeof v,
      );
  if (values?.includes(null)) types.add('null');
  return {
    types: [...types].sort(),
    ...(format ? { format } : {}),
    ...(values ? { enum: [...new Set(values.map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v)) } : {}),
    refused: false,
  };
}

/**
 * The properties of an object contract, through `$ref` and `allOf` (base types): each one's types, format, enum,
 * whether it is required or refused, and whether the object is closed to others.
 */
export function flattenContract(root: Record<string, unknown>, registry: SchemaRegistry): ContractShape {
  const shape: ContractShape = { properties: new Map(), closed: false };
  const required = new Set<string>();
  const visit = (schema: Schema, doc: Record<string, unknown>, depth = 0) => {
    const [s, d] = follow(schema, doc, registry);
    if (typeof s !== 'object' || depth > 16) return;
    if (s.additionalProperties === false || s.unevaluatedProperties === false) shape.closed = true;
    for (const name of (s.required as string[] | undefined) ?? []) required.add(name);
    for (const [name, prop] of Object.entries((s.properties as Record<string, Schema> | undefined) ?? {})) {
      const next = shapeOf(prop, d, registry);
      const known = shape.properties.get(name);
      // A property written in several allOf branches: `true` placeholders add nothing; a refusal wins.
      if (!known || (known.types.length === 0 && !known.refused))
        shape.properties.set(name, { ...next, required: false });
      else if (next.refused) known.refused = true;
    }
    for (const branch of (s.allOf as Schema[] | undefined) ?? []) visit(branch, d, depth + 1);
  };
  visit(root, root);
  for (const [name, prop] of shape.properties) prop.required = required.has(name);
  return shape;
}
