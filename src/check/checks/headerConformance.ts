import type { HeaderRule } from '../../scenario/types';
import { interpolate } from '../../scenario/interpolate';
import type { Check, CheckContext } from '../check';
import { failure, type Failure } from '../../common/failure';
import { headerFormats, mediaTypeOf } from '../formats';

/** Each response header named by the scenario meets its rule: exact, pattern, format, media type, absent or echo. */
export const headerConformance: Check = {
  name: 'header_conformance',
  applies: (e) => e.headers !== undefined,
  run(context) {
    return Object.entries(context.expectation.headers!).flatMap(([name, rule]) => checkHeader(name, rule, context));
  },
};

function checkHeader(name: string, rule: HeaderRule, { exchange, scope, at }: CheckContext): Failure[] {
  const key = name.toLowerCase();
  const actual = exchange.response.headers[key];
  const base = {
    pointer: `/headers/${key}`,
    actual,
    get source() {
      return at(['headers', name]);
    },
  };
  const spec = typeof rule === 'string' ? { equals: rule } : rule;
  if (spec.absent)
    return actual === undefined
      ? []
      : [
          failure('contract.header.unexpected', {
            ...base,
            message: `${name} must be absent but is ${JSON.stringify(actual)}`,
            expected: null,
          }),
        ];
  if (actual === undefined)
    return [
      failure('contract.header.missing', {
        ...base,
        message: `the response has no ${name} header`,
        expected: describe(spec),
      }),
    ];
  const failures: Failure[] = [];
  if (spec.equals !== undefined) {
    const expected = String(interpolate(spec.equals, scope));
    if (actual !== expected)
      failures.push(
        failure('contract.header.mismatch', {
          ...base,
          message: `${name} is ${JSON.stringify(actual)}; expected ${JSON.stringify(expected)}`,
          expected,
        }),
      );
  }
  if (spec.pattern !== undefined && !new RegExp(spec.pattern).test(actual))
    failures.push(
      failure('contract.header.mismatch', {
        ...base,
        message: `${name} ${JSON.stringify(actual)} does not match /${spec.pattern}/`,
        expected: `/${spec.pattern}/`,
      }),
    );
  if (spec.format !== undefined && !headerFormats[spec.format](actual))
    failures.push(
      failure('contract.header.format', {
        ...base,
        message: `${name} ${JSON.stringify(actual)} is not a valid ${spec.format}`,
        expected: spec.format,
      }),
    );
  if (spec.mediaType !== undefined && mediaTypeOf(actual) !== spec.mediaType.toLowerCase())
    failures.push(
      failure('contract.header.mediaType', {
        ...base,
        message: `${name} is ${JSON.stringify(actual)}; expected media type ${spec.mediaType}`,
        expected: spec.mediaType,
      }),
    );
  if (spec.echo !== undefined) failures.push(...checkEcho(name, spec.echo, spec.elseSameAs, actual, exchange, base));
  return failures;
}

function checkEcho(
  name: string,
  requestHeader: string,
  elseSameAs: string | undefined,
  actual: string,
  exchange: CheckContext['exchange'],
  base: Omit<Failure, 'code' | 'title' | 'message'>,
): Failure[] {
  const sent = exchange.request.headers[requestHeader.toLowerCase()];
  const expected = sent ?? (elseSameAs ? exchange.response.headers[elseSameAs.toLowerCase()] : undefined);
  if (expected === undefined || actual === expected) return [];
  const why =
    sent !== undefined
      ? `the request sent ${requestHeader}: ${sent}`
      : `the request sent no ${requestHeader}, so it must equal ${elseSameAs}`;
  return [
    failure('contract.header.echo', { ...base, message: `${name} is ${JSON.stringify(actual)}; ${why}`, expected }),
  ];
}

function describe(spec: Exclude<HeaderRule, string>): unknown {
  return spec.equals ?? spec.mediaType ?? spec.format ?? (spec.pattern ? `/${spec.pattern}/` : 'present');
}
