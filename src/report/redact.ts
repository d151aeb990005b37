/** The text that stands in for a removed secret. */
export const redacted = '[REDACTED]';

/** Builds a function that removes every known secret, and any Authorization credential, from text. */
export function redactor(secrets: string[]): (text: string) => string {
  const known = [...new Set(secrets.filter((s) => s.length >= 6))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of known) out = out.split(secret).join(redacted);
    return out.replace(/(authorization\\?["']?\s*[:=]\s*\\?["']?(?:bearer|basic)\s+)[^\s"'\\]+/gi, `$1${redacted}`);
  };
}
