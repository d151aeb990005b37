import { randomUUID } from 'node:crypto';

/** Values a scenario's {placeholders} can read, by root name. */
export type Scope = Record<string, unknown>;

/** A placeholder whose root is not defined at this point of the scenario. */
export class UnknownVariableError extends Error {
  constructor(
    readonly variable: string,
    readonly known: string[],
  ) {
    super(`unknown variable {${variable}}`);
  }
}

/** Matches `{name}`, `{a.b.c}`, `{text:300}`; not JSON's `{"` so raw bodies keep their braces. */
export const placeholderPattern = /\{([A-Za-z_][\w-]*(?:[.:][\w@$-]+)*)\}/g;

/** Built-in generators usable as placeholders, resolved afresh at every use. */
export const generators: Record<string, (arg?: string) => unknown> = {
  uuid: () => randomUUID(),
  now: () => new Date().toISOString(),
  text: (arg) => 'x'.repeat(Math.min(Number(arg ?? 10), 1_000_000)),
};

/** What each generator's argument must be, for lint hints; a generator not listed takes none. */
export const generatorArguments: Record<string, string> = {
  text: 'text:N takes a whole number of characters from 0 to 1000000, e.g. {text:257}',
};

/** Whether a generator accepts this argument (lint reports it before anything runs). */
export function generatorArgumentOk(name: string, arg: string): boolean {
  if (name === 'text') return /^\d+$/.test(arg) && Number(arg) <= 1_000_000;
  return false;
}

/** Resolves placeholders throughout a JSON-like value; a string that is one placeholder keeps the value's type. */
export function interpolate(value: unknown, scope: Scope): unknown {
  if (typeof value === 'string') return interpolateString(value, scope);
  if (Array.isArray(value)) return value.map((item) => interpolate(item, scope));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[interpolateString(key, scope) as string] = interpolate(item, scope);
    return out;
  }
  return value;
}

function interpolateString(text: string, scope: Scope): unknown {
  const whole = /^\{([A-Za-z_][\w-]*(?:[.:][\w@$-]+)*)\}$/.exec(text);
  if (whole) return lookup(whole[1], scope);
  return text.replace(placeholderPattern, (_, name: string) => {
    const value = lookup(name, scope);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Reads one placeholder's value: a generator (`uuid`, `text:N`) or a dotted path into the scope. */
export function lookup(name: string, scope: Scope): unknown {
  const [head, arg] = name.split(':', 2);
  if (arg !== undefined || (head in generators && !(head in scope))) {
    const generator = generators[head];
    if (!generator) throw new UnknownVariableError(name, Object.keys(generators));
    return generator(arg);
  }
  const [root, ...rest] = name.split('.');
  if (!(root in scope)) throw new UnknownVariableError(name, Object.keys(scope));
  return readPath(scope[root], rest);
}

/** Follows property names into a value; a missing property yields undefined rather than an error. */
export function readPath(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Lists each placeholder used in a value with the path of the string that holds it (for lint). */
export function placeholderPlaces(
  value: unknown,
  path: ReadonlyArray<string | number> = [],
  found: Array<{ name: string; path: Array<string | number> }> = [],
) {
  if (typeof value === 'string')
    for (const m of value.matchAll(placeholderPattern)) found.push({ name: m[1], path: [...path] });
  else if (Array.isArray(value)) value.forEach((item, i) => placeholderPlaces(item, [...path, i], found));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) placeholderPlaces(v, [...path, k], found);
  return found;
}

/** Lists the placeholder names used anywhere in a value (for lint). */
export function placeholdersIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') for (const m of value.matchAll(placeholderPattern)) found.push(m[1]);
  else if (Array.isArray(value)) value.forEach((item) => placeholdersIn(item, found));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      placeholdersIn(k, found);
      placeholdersIn(v, found);
    }
  return found;
}
