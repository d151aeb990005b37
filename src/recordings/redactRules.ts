import type { RedactConfig } from '../targets/targetConfig';

/**
 * A value cassettes must not contain, resolved for this run: a literal (from the environment) or a pattern, replaced by
 * `{{REDACTED:name}}`.
 */
export interface RedactRule {
  name: string;
  value?: string;
  pattern?: RegExp;
}

/**
 * Resolves a target's `redact:` list (variables read from its environment, patterns compiled) and CONFORMANCE_REDACT
 * (`name=value,...` or bare values).
 */
export function redactRules(config: RedactConfig[] | undefined, env: NodeJS.ProcessEnv): RedactRule[] {
  const rules: RedactRule[] = [];
  for (const item of config ?? []) {
    const name = placeholderName(item.as ?? item.env ?? 'value');
    if (item.env !== undefined) {
      const value = env[item.env];
      if (value) rules.push({ name, value });
    } else if (item.pattern !== undefined) rules.push({ name, pattern: new RegExp(item.pattern, 'g') });
  }
  for (const part of (env.CONFORMANCE_REDACT ?? '').split(',')) {
    const text = part.trim();
    if (!text) continue;
    const equals = text.indexOf('=');
    const named = equals > 0 && /^[A-Za-z][\w.-]*$/.test(text.slice(0, equals));
    rules.push(
      named
        ? { name: placeholderName(text.slice(0, equals)), value: text.slice(equals + 1) }
        : { name: 'value', value: text },
    );
  }
  // Longer literals first, so a value containing another is replaced whole.
  return rules
    .filter((r) => r.pattern || (r.value && r.value.length > 0))
    .sort((a, b) => (b.value?.length ?? 0) - (a.value?.length ?? 0));
}

/** A name usable inside `{{REDACTED:name}}`: lower case, letters, digits, `.`, `_` and `-`. */
export function placeholderName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'value';
}
