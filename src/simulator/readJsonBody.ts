import type { SimRequest } from './simRequest';
import type { BreakName } from './breaks';
import { graphErrors, type GraphErrorSpec } from './graphError';

/** A request body read as a JSON object, or the error Graph would answer instead. */
export type BodyResult = { ok: true; body: Record<string, unknown> } | { ok: false; error: GraphErrorSpec };

/** Whether a Content-Type names JSON: parameters ignored, media type compared case-insensitively (RFC 9110). */
export function isJsonMediaType(contentType: string): boolean {
  return mediaTypeOf(contentType) === 'application/json';
}

function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Reads a write request's body the way Graph does: media type first, then presence, Content-Type, syntax and shape. */
export function readJsonBody(req: SimRequest, breaks: ReadonlySet<BreakName>): BodyResult {
  const contentType = (req.headers['content-type'] ?? '').trim();
  const text = req.bodyText ?? '';
  if (contentType !== '' && !isJsonMediaType(contentType) && !breaks.has('accepts-text-plain')) {
    return { ok: false, error: graphErrors.unsupportedMediaType(mediaTypeOf(contentType)) };
  }
  if (text.trim() === '') return { ok: false, error: graphErrors.emptyPayload() };
  if (contentType === '' && !breaks.has('accepts-missing-content-type')) {
    const error = breaks.has('missing-content-type-returns-415')
      ? graphErrors.unsupportedMediaType('(none)')
      : graphErrors.unreadablePayload();
    return { ok: false, error };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (breaks.has('accepts-malformed-json')) return { ok: true, body: {} };
    const error = breaks.has('malformed-json-returns-415')
      ? graphErrors.unsupportedMediaType(mediaTypeOf(contentType))
      : graphErrors.unreadablePayload();
    return { ok: false, error };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return breaks.has('accepts-non-object-body')
      ? { ok: true, body: {} }
      : { ok: false, error: graphErrors.notAnObject() };
  }
  return { ok: true, body: parsed as Record<string, unknown> };
}
