import { didYouMean } from '../../common/didYouMean';
import { FaultSpecError, type FaultDecider, type FaultParams, type ParamSpec } from './faultAction';
import { faultProfiles } from './faultProfiles';
import { seededRandom } from './seededRandom';

/** A fault profile ready to run: its name, the text it was given as, and its decider. */
export interface ActiveFault {
  name: string;
  spec: string;
  decide: FaultDecider;
}

const suggest = (word: string, known: string[]): string => {
  const guess = didYouMean(word, known);
  return guess ? ` (did you mean "${guess}"?)` : '';
};

function parseValue(profile: string, key: string, text: string, spec: ParamSpec): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  const bounds = spec.max === undefined ? `at least ${spec.min}` : `between ${spec.min} and ${spec.max}`;
  const kind = spec.integer ? 'a whole number' : 'a number';
  if (
    !Number.isFinite(value) ||
    (spec.integer && !Number.isInteger(value)) ||
    value < spec.min ||
    (spec.max !== undefined && value > spec.max)
  ) {
    throw new FaultSpecError(`fault "${profile}": ${key} takes ${kind} ${bounds}; got ${JSON.stringify(text)}`);
  }
  return value;
}

function parseOne(item: string, seed: number, occurrences: Map<string, number>): ActiveFault {
  const colon = item.indexOf(':');
  const name = (colon < 0 ? item : item.slice(0, colon)).trim();
  const profile = Object.hasOwn(faultProfiles, name) ? faultProfiles[name] : undefined;
  if (!profile) {
    const known = Object.keys(faultProfiles);
    throw new FaultSpecError(
      `unknown fault profile ${JSON.stringify(name)}${suggest(name, known)}; known profiles: ${known.join(', ')}`,
    );
  }
  const params: Record<string, number | undefined> = {};
  for (const [key, spec] of Object.entries(profile.params)) params[key] = spec.default;
  const given =
    colon < 0
      ? []
      : item
          .slice(colon + 1)
          .split(';')
          .filter((pair) => pair.trim() !== '');
  for (const pair of given) {
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const known = Object.keys(profile.params);
    if (!Object.hasOwn(profile.params, key)) {
      throw new FaultSpecError(
        `fault "${name}": unknown parameter ${JSON.stringify(key)}${suggest(key, known)}; it takes ${known.join(', ')}`,
      );
    }
    if (eq < 0) throw new FaultSpecError(`fault "${name}": parameter "${key}" needs a value, as in ${key}=N`);
    params[key] = parseValue(name, key, pair.slice(eq + 1), profile.params[key]);
  }
  // Each profile draws from its own sequence, labelled by name and occurrence, so adding one never shifts another.
  const nth = (occurrences.get(name) ?? 0) + 1;
  occurrences.set(name, nth);
  try {
    return { name, spec: item, decide: profile.create(params as FaultParams, seededRandom(seed, `${name}#${nth}`)) };
  } catch (error) {
    if (error instanceof FaultSpecError) throw new FaultSpecError(`fault "${name}": ${error.message}`);
    throw error;
  }
}

/**
 * Parses `--fault` values (each a comma list of `name` or `name:key=value;...`) into running faults; throws one
 * FaultSpecError naming every mistake.
 */
export function parseFaults(values: readonly string[], seed: number): ActiveFault[] {
  const problems: string[] = [];
  const faults: ActiveFault[] = [];
  const occurrences = new Map<string, number>();
  for (const item of values.flatMap((value) => value.split(',')).map((s) => s.trim())) {
    if (item === '') continue;
    try {
      faults.push(parseOne(item, seed, occurrences));
    } catch (error) {
      if (!(error instanceof FaultSpecError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new FaultSpecError(problems.join('; '));
  return faults;
}
