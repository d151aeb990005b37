import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { escapeRegExp } from '../common/escapeRegExp';
import { listFiles } from '../common/listFiles';
import { log, UsageError } from '../common/log';
import { projectRoot } from '../common/projectRoot';
import { diffContracts, levels, type Difference, type Direction, type Level } from '../diff/diffContracts';
import { flattenContract, type SchemaRegistry } from '../diff/flattenContract';
import { diffMarkdown, diffText } from '../diff/renderDiff';
import { operationContracts } from '../openapi/operationContracts';
import { DescriptionError, readDescription } from '../openapi/readDescription';
import { selectOperations } from '../openapi/selectOperations';

/** One side's contracts, keyed so the two sides pair up: file names in a folder, kinds of an OpenAPI operation. */
interface Side {
  label: string;
  /** One contract file: it pairs with the other side's contract of its direction, whatever the names. */
  file?: boolean;
  contracts: Array<{ key: string; schema: Record<string, unknown> }>;
}

const formats = ['text', 'json', 'markdown'] as const;

/**
 * `conformance contracts diff A B [--format text|json|markdown] [--fail-on breaking|may-break]`: the differences
 * between two sources of the same contracts (a contract file, a folder of them, or an OpenAPI operation
 * `openapi.yaml#PATCH /path`), each classified for a client and for a server, with the scenarios whose expectations
 * it touches. Exit 1 when a difference reaches --fail-on for either.
 */
export async function contractsDiffCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'diff') throw new UsageError(`contracts takes \`diff A B\`; got ${JSON.stringify(verb ?? '')}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { format: { type: 'string' }, 'fail-on': { type: 'string' } },
  });
  if (positionals.length !== 2)
    throw new UsageError('contracts diff takes two sides: A B (files, folders or FILE#METHOD /path)');
  const format = (values.format ?? 'text') as (typeof formats)[number];
  if (!formats.includes(format))
    throw new UsageError(`--format takes ${formats.join(', ')}; got ${JSON.stringify(values.format)}`);
  const failOn = values['fail-on'] as Level | undefined;
  if (failOn !== undefined && failOn !== 'breaking' && failOn !== 'may-break')
    throw new UsageError(`--fail-on takes breaking or may-break; got ${JSON.stringify(failOn)}`);
  let a: Side;
  let b: Side;
  try {
    [a, b] = [loadSide(positionals[0]), loadSide(positionals[1])];
  } catch (error) {
    if (!(error instanceof DescriptionError)) throw error;
    log.error(error.message);
    return 2;
  }
  const registry = registryOf([a, b]);
  const differences: Difference[] = [];
  const paired = pairs(a, b);
  for (const [key, ca, cb] of paired) {
    const schema = (ca ?? cb)!.schema;
    const direction = directionOf(key, schema);
    if (!ca || !cb) {
      const kind = ca ? 'contract-only-in-a' : 'contract-only-in-b';
      differences.push({ contract: key, direction, kind, client: 'breaking', server: 'breaking' });
      continue;
    }
    differences.push(
      ...diffContracts(key, direction, flattenContract(ca.schema, registry), flattenContract(cb.schema, registry)),
    );
  }
  const touched = scenariosTouching(differences, paired);
  const report = { a: a.label, b: b.label, differences: differences.map((d, i) => ({ ...d, scenarios: touched[i] })) };
  if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(format === 'markdown' ? diffMarkdown(report) : diffText(report));
  if (!failOn) return 0;
  const worst = levels.indexOf(failOn);
  return differences.some((d) => levels.indexOf(d.client) <= worst || levels.indexOf(d.server) <= worst) ? 1 : 0;
}

/** Reads a side: `FILE#METHOD /path` (an OpenAPI operation), a folder of contracts, or one contract file. */
function loadSide(spec: string): Side {
  const hash = spec.indexOf('#');
  if (hash > 0 && /\.(ya?ml|json)$/i.test(spec.slice(0, hash))) {
    const file = resolve(spec.slice(0, hash));
    const description = readDescription(file, relative(process.cwd(), file) || file);
    const operation = spec.slice(hash + 1);
    const { selected, unknown } = selectOperations(description, { operations: [operation] });
    if (unknown.length || selected.length !== 1)
      throw new UsageError(
        `${description.file} has no operation ${JSON.stringify(operation)}${unknown[0]?.near.length ? `; near it: ${unknown[0].near.join(', ')}` : ''}`,
      );
    const contracts = operationContracts(description, selected[0], 'diff.').map((c) => ({
      key: c.kind,
      schema: c.schema,
    }));
    return { label: spec, contracts };
  }
  const path = resolve(spec);
  if (!existsSync(path)) throw new UsageError(`${spec}: no such contract file or folder`);
  const folder = statSync(path).isDirectory();
  const files = folder ? listFiles(path, '.json') : [path];
  const contracts = files.map((file) => {
    try {
      return {
        key: relative(statSync(path).isDirectory() ? path : resolve(path, '..'), file),
        schema: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>,
      };
    } catch (error) {
      throw new UsageError(`${relative(process.cwd(), file)} is not JSON: ${(error as Error).message}`);
    }
  });
  return { label: spec, contracts, file: !folder };
}

/** Every contract of the project and of both sides, by `$id`, for `$ref`s across files. */
function registryOf(sides: Side[]): SchemaRegistry {
  const byId = new Map<string, Record<string, unknown>>();
  for (const file of listFiles(join(projectRoot, 'contracts'), '.json'))
    try {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if (typeof schema.$id === 'string') byId.set(schema.$id, schema);
    } catch {
      // a broken contract is `conformance lint`'s to report
    }
  for (const side of sides)
    for (const c of side.contracts) if (typeof c.schema.$id === 'string') byId.set(c.schema.$id, c.schema);
  return (id) => byId.get(id);
}

/**
 * The two sides' contracts paired: a single contract against a single one directly, or against the other side's
 * contract of the same direction (a file against an OpenAPI operation: its request, or its first success response);
 * otherwise by key, a key on one side only left unpaired.
 */
function pairs(
  a: Side,
  b: Side,
): Array<[string, Side['contracts'][number] | undefined, Side['contracts'][number] | undefined]> {
  const [one, many, flipped] = a.file ? [a, b, false] : b.file ? [b, a, true] : [];
  if (one && many) {
    const single = one.contracts[0];
    const direction = directionOf(single.key, single.schema);
    const match =
      many.contracts.length === 1
        ? many.contracts[0]
        : many.contracts.find(
            (c) =>
              directionOf(c.key, c.schema) === direction &&
              (direction === 'request' || /^response\.(2|default)/i.test(c.key)),
          );
    const key = basename(single.key);
    return [flipped ? [key, match, single] : [key, single, match]];
  }
  const keys = [...new Set([...a.contracts.map((c) => c.key), ...b.contracts.map((c) => c.key)])].sort();
  return keys.map((key) => [key, a.contracts.find((c) => c.key === key), b.contracts.find((c) => c.key === key)]);
}

/** A request body (clients write it) or a response one: from the importer's provenance, else from the name. */
function directionOf(key: string, schema: Record<string, unknown>): Direction {
  const stated = (schema['x-provenance'] as { direction?: string } | undefined)?.direction;
  if (stated === 'request' || stated === 'response') return stated;
  return /(^|[./\s])(request|patch|post|put)([./\s]|$)/i.test(
    `${key} ${String(schema.$id ?? '')}`.replace(/\.json/g, ''),
  )
    ? 'request'
    : 'response';
}

/** For each difference, the scenarios whose YAML names one of the paired contracts and (if any) the property. */
function scenariosTouching(differences: Difference[], paired: ReturnType<typeof pairs>): string[][] {
  const scenarios = listFiles(join(projectRoot, 'scenarios'), '.yaml').map((file) => {
    const text = readFileSync(file, 'utf8');
    // The scenario's own `id:` line says nothing about a property called id.
    return { text: text.replace(/^id:.*$/m, ''), id: /^id:\s*(\S+)/m.exec(text)?.[1] };
  });
  return differences.map((d) => {
    const pair = paired.find(([key]) => key === d.contract);
    const ids = [pair?.[1]?.schema.$id, pair?.[2]?.schema.$id].filter((x): x is string => typeof x === 'string');
    return scenarios
      .filter(
        (s) =>
          s.id &&
          ids.some((id) => s.text.includes(id)) &&
          (!d.property || new RegExp(`(^|[^\\w@.])${escapeRegExp(d.property)}(?![\\w])`).test(s.text)),
      )
      .map((s) => s.id!);
  });
}
