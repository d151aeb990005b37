import { placeholderName, type RedactRule } from './redactRules';
import { runIdPlaceholder } from './slots';

/** What a cassette writer must keep out of a cassette. */
export interface RedactionOptions {
  /** The target's secrets (tokens, client secret), replaced by `{{REDACTED:secret}}` wherever they appear. */
  secrets: string[];
  rules: RedactRule[];
  /** The run id, replaced by `{{run.id}}` (ignored when shorter than 6 characters: it would hit unrelated text). */
  runId?: string;
  /** Ids that are not GUIDs but must be replaced like one (an existing object a live run worked on). */
  ids?: string[];
}

const guid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const jwt = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const secretName =
  '(?:(?:access|refresh|id)_?token|client_?secret|client_?assertion|password|secret|secretText|api_?key|token|code_verifier)';
const jsonSecret = new RegExp(`"(${secretName})"(\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
const formSecret = new RegExp(`(^|&)(${secretName}|code|assertion)=[^&]*`, 'gi');
const querySecret =
  /([?&])(access_token|token|code|sig|signature|client_secret|password|api[-_]?key|key|secret)=[^&#]*/gi;
const secretHeader = /token|secret|api-?key|password|signature|session/;

/**
 * Replaces every secret and identifying value of one cassette by a stable placeholder; ids become numbered GUIDs in
 * order of appearance.
 */
export class CassetteRedactor {
  private readonly secrets: string[];
  private readonly idPattern: RegExp;
  private readonly ids = new Map<string, string>();
  private readonly named = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly options: RedactionOptions) {
    const forms = options.secrets
      .filter((s) => s.length >= 6)
      .flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)]);
    this.secrets = [...new Set(forms)].sort((a, b) => b.length - a.length);
    const extra = (options.ids ?? [])
      .filter((id) => !new RegExp(`^${guid}$`).test(id))
      .map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.idPattern = new RegExp([...extra, guid].join('|'), 'g');
  }

  /** Redacts free text: secrets, JWTs, secret-named JSON and form fields, configured values, the run id, then ids. */
  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) out = out.split(secret).join('{{REDACTED:secret}}');
    out = out.replace(jwt, '{{REDACTED:token}}');
    out = out.replace(
      jsonSecret,
      (_, key: string, colon: string) => `"${key}"${colon}"{{REDACTED:${placeholderName(key)}}}"`,
    );
    if (!out.trimStart().startsWith('{'))
      out = out.replace(
        formSecret,
        (_, lead: string, key: string) => `${lead}${key}={{REDACTED:${placeholderName(key)}}}`,
      );
    for (const rule of this.options.rules) {
      if (rule.value !== undefined) out = out.split(rule.value).join(this.placeholder(rule.name, rule.value));
      else if (rule.pattern) out = out.replace(rule.pattern, (match) => this.placeholder(rule.name, match));
    }
    const runId = this.options.runId;
    if (runId && runId.length >= 6) out = out.split(runId).join(runIdPlaceholder);
    return out.replace(this.idPattern, (id) => this.id(id));
  }

  /** Redacts a URL: secret-named query parameters, then the text rules. */
  url(value: string): string {
    return this.text(
      value.replace(
        querySecret,
        (_, lead: string, name: string) => `${lead}${name}={{REDACTED:${placeholderName(name)}}}`,
      ),
    );
  }

  /**
   * Redacts a header value: credentials and cookies entirely, any header named like a secret entirely, the rest as
   * text.
   */
  header(name: string, value: string): string {
    const key = name.toLowerCase();
    if (key === 'authorization' || key === 'proxy-authorization') return '{{REDACTED:authorization}}';
    if (key === 'cookie' || key === 'set-cookie' || secretHeader.test(key)) return `{{REDACTED:${key}}}`;
    return this.text(value);
  }

  /** The placeholder of an id: `00000000-0000-4000-8000-00000000000N`, N counting the distinct ids of this cassette. */
  id(value: string): string {
    let placeholder = this.ids.get(value);
    if (placeholder === undefined) {
      placeholder = `00000000-0000-4000-8000-${String(this.ids.size + 1).padStart(12, '0')}`;
      this.ids.set(value, placeholder);
    }
    return placeholder;
  }

  private placeholder(name: string, value: string): string {
    const key = `${name}\u0000${value}`;
    let placeholder = this.named.get(key);
    if (placeholder === undefined) {
      const n = (this.counts.get(name) ?? 0) + 1;
      this.counts.set(name, n);
      placeholder = `{{REDACTED:${n === 1 ? name : `${name}-${n}`}}}`;
      this.named.set(key, placeholder);
    }
    return placeholder;
  }
}
