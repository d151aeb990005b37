import type { Bindings } from './bindings';
import { escapeRegExp } from '../common/escapeRegExp';

/** The text that stands for the run id in a cassette; replay puts the current run's id in its place. */
export const runIdPlaceholder = '{{run.id}}';

/**
 * A recorded value that stands for whatever the replayed run sends in its place: any GUID (placeholder ids included) or
 * a `{{REDACTED:name}}`.
 */
export const slotPattern =
  /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{\{REDACTED:[^{}]+\}\}/g;

const guidGroup = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';
const compiled = new Map<string, { regex: RegExp; slots: string[] } | null>();

/** Compiles a recorded string into a regex with one group per slot; null when it has no slot (compare it as it is). */
function compile(recorded: string): { regex: RegExp; slots: string[] } | null {
  if (!compiled.has(recorded)) {
    const slots: string[] = [];
    let source = '';
    let last = 0;
    for (const match of recorded.matchAll(slotPattern)) {
      source +=
        escapeRegExp(recorded.slice(last, match.index)) + (match[0].startsWith('{{') ? '([\\s\\S]+?)' : guidGroup);
      slots.push(match[0]);
      last = match.index + match[0].length;
    }
    compiled.set(
      recorded,
      slots.length ? { regex: new RegExp(`^${source}${escapeRegExp(recorded.slice(last))}$`), slots } : null,
    );
  }
  return compiled.get(recorded)!;
}

/**
 * Whether a sent string matches a recorded one, binding its slots (into `bindings`) as it goes; `{{run.id}}` must be
 * the current run id.
 */
export function matchSlots(recorded: string, sent: string, bindings: Bindings, runId: string): boolean {
  const expected = recorded.split(runIdPlaceholder).join(runId);
  const pattern = compile(expected);
  if (!pattern) return expected === sent;
  const match = pattern.regex.exec(sent);
  if (!match) return false;
  return pattern.slots.every((slot, i) => bindings.bind(slot, match[i + 1]));
}

/**
 * Puts the bound values (and the current run id) in place of the slots of a recorded text, in one pass so values are
 * never replaced again.
 */
export function fillSlots(text: string, bindings: Bindings, runId: string): string {
  return text
    .split(runIdPlaceholder)
    .join(runId)
    .replace(slotPattern, (slot) => bindings.valueOf(slot) ?? slot);
}
