import type { ContractShape, PropertyShape } from './flattenContract';

/** How much a difference matters to one side, like oasdiff's ERR / WARN / INFO. */
export type Level = 'breaking' | 'may-break' | 'safe';

/** Which way a body goes: a request is written by clients and read by servers, a response the other way round. */
export type Direction = 'request' | 'response';

/** One difference between two contracts of the same body, classified for a client and for a server. */
export interface Difference {
  /** Which pair of contracts (a status, `request`, a file name). */
  contract: string;
  direction: Direction;
  /** The property, or undefined for the contract as a whole. */
  property?: string;
  kind:
    | 'contract-only-in-a'
    | 'contract-only-in-b'
    | 'property-added'
    | 'property-removed'
    | 'required-added'
    | 'required-removed'
    | 'refused-added'
    | 'refused-removed'
    | 'nullable-added'
    | 'nullable-removed'
    | 'types-widened'
    | 'types-narrowed'
    | 'types-changed'
    | 'format-changed'
    | 'enum-values-added'
    | 'enum-values-removed'
    | 'closed-added'
    | 'closed-removed';
  /** What A says, then what B says. */
  a?: unknown;
  b?: unknown;
  client: Level;
  server: Level;
}

type Rule = [client: Level, server: Level];

/** The classification of each kind of change from A to B, for a request body (clients write, servers read). */
const requestRules: Record<string, Rule> = {
  'property-added': ['safe', 'may-break'],
  'property-added-required': ['breaking', 'may-break'],
  'property-removed': ['may-break', 'safe'],
  'property-removed-closed': ['breaking', 'safe'],
  'required-added': ['breaking', 'safe'],
  'required-removed': ['safe', 'may-break'],
  'refused-added': ['breaking', 'safe'],
  'refused-removed': ['safe', 'may-break'],
  'nullable-added': ['safe', 'may-break'],
  'nullable-removed': ['breaking', 'safe'],
  'types-widened': ['safe', 'may-break'],
  'types-narrowed': ['breaking', 'safe'],
  'types-changed': ['breaking', 'breaking'],
  'format-changed': ['may-break', 'may-break'],
  'enum-values-added': ['safe', 'may-break'],
  'enum-values-removed': ['breaking', 'safe'],
  'closed-added': ['breaking', 'safe'],
  'closed-removed': ['safe', 'may-break'],
};

/** ...and for a response body (servers write, clients read). */
const responseRules: Record<string, Rule> = {
  'property-added': ['safe', 'safe'],
  'property-added-required': ['safe', 'breaking'],
  'property-removed': ['may-break', 'safe'],
  'property-removed-required': ['breaking', 'safe'],
  'required-added': ['safe', 'breaking'],
  'required-removed': ['may-break', 'safe'],
  'refused-added': ['safe', 'breaking'],
  'refused-removed': ['may-break', 'safe'],
  'nullable-added': ['may-break', 'safe'],
  'nullable-removed': ['safe', 'breaking'],
  'types-widened': ['may-break', 'safe'],
  'types-narrowed': ['safe', 'breaking'],
  'types-changed': ['breaking', 'breaking'],
  'format-changed': ['may-break', 'may-break'],
  'enum-values-added': ['may-break', 'safe'],
  'enum-values-removed': ['safe', 'breaking'],
  'closed-added': ['safe', 'breaking'],
  'closed-removed': ['may-break', 'safe'],
};

const subset = (a: string[], b: string[]) => a.every((x) => b.includes(x));

/** The differences from contract A to contract B of one body, property by property, each classified. */
export function diffContracts(
  contract: string,
  direction: Direction,
  a: ContractShape,
  b: ContractShape,
): Difference[] {
  const rules = direction === 'request' ? requestRules : responseRules;
  const out: Difference[] = [];
  const add = (
    kind: Difference['kind'],
    property: string | undefined,
    va: unknown,
    vb: unknown,
    rule = kind as string,
  ) => {
    const [client, server] = rules[rule] ?? rules[kind];
    out.push({ contract, direction, ...(property ? { property } : {}), kind, a: va, b: vb, client, server });
  };
  if (!a.closed && b.closed) add('closed-added', undefined, 'open', 'closed');
  if (a.closed && !b.closed) add('closed-removed', undefined, 'closed', 'open');
  const names = [...new Set([...a.properties.keys(), ...b.properties.keys()])].sort();
  for (const name of names) {
    const pa = a.properties.get(name);
    const pb = b.properties.get(name);
    if (!pa && pb) {
      if (pb.refused) continue; // refused where it was merely unknown: nothing a client could send changes (closed or not)
      add('property-added', name, undefined, describe(pb), pb.required ? 'property-added-required' : 'property-added');
      continue;
    }
    if (pa && !pb) {
      if (pa.refused) continue;
      const rule =
        direction === 'request'
          ? b.closed
            ? 'property-removed-closed'
            : 'property-removed'
          : pa.required
            ? 'property-removed-required'
            : 'property-removed';
      add('property-removed', name, describe(pa), undefined, rule);
      continue;
    }
    if (!pa || !pb) continue;
    if (!pa.refused && pb.refused) add('refused-added', name, describe(pa), 'refused');
    if (pa.refused && !pb.refused) add('refused-removed', name, 'refused', describe(pb));
    if (pa.refused || pb.refused) continue;
    if (!pa.required && pb.required) add('required-added', name, false, true);
    if (pa.required && !pb.required) add('required-removed', name, true, false);
    const na = pa.types.includes('null');
    const nb = pb.types.includes('null');
    if (!na && nb && pa.types.length) add('nullable-added', name, false, true);
    if (na && !nb && pb.types.length) add('nullable-removed', name, true, false);
    const ta = pa.types.filter((t) => t !== 'null');
    const tb = pb.types.filter((t) => t !== 'null');
    if (ta.join() !== tb.join()) {
      // An empty list allows any type.
      const widened = ta.length > 0 && (tb.length === 0 || subset(ta, tb));
      const narrowed = tb.length > 0 && (ta.length === 0 || subset(tb, ta));
      add(widened ? 'types-widened' : narrowed ? 'types-narrowed' : 'types-changed', name, ta, tb);
    }
    if ((pa.format ?? '') !== (pb.format ?? '')) add('format-changed', name, pa.format ?? null, pb.format ?? null);
    const ea = pa.enum?.filter((v) => v !== null).map((v) => JSON.stringify(v));
    const eb = pb.enum?.filter((v) => v !== null).map((v) => JSON.stringify(v));
    if (ea && eb) {
      const added = eb.filter((v) => !ea.includes(v));
      const removed = ea.filter((v) => !eb.includes(v));
      if (added.length)
        add(
          'enum-values-added',
          name,
          null,
          added.map((v) => JSON.parse(v)),
        );
      if (removed.length)
        add(
          'enum-values-removed',
          name,
          removed.map((v) => JSON.parse(v)),
          null,
        );
    } else if (eb && !ea)
      add(
        'enum-values-removed',
        name,
        'any value',
        eb.map((v) => JSON.parse(v)),
      );
    else if (ea && !eb)
      add(
        'enum-values-added',
        name,
        ea.map((v) => JSON.parse(v)),
        'any value',
      );
  }
  return out;
}

/** A property in one line: its types, format and enum. */
export function describe(p: PropertyShape): string {
  const types = p.types.length ? p.types.join('|') : 'any';
  return `${types}${p.format ? ` (${p.format})` : ''}${p.enum ? ` ∈ ${JSON.stringify(p.enum)}` : ''}${p.required ? ', required' : ''}`;
}

/** The level order, worst first. */
export const levels: Level[] = ['breaking', 'may-break', 'safe'];
