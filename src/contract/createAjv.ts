import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** Creates the one kind of validator the project uses: JSON Schema 2020-12, strict, all errors, with formats. */
export function createAjv(options: { verbose?: boolean; alreadyChecked?: boolean } = {}): Ajv2020 {
  const warnings: string[] = [];
  const ajv = new Ajv2020({
    strict: true,
    // ["string", "null"] is how nullable properties are written in 2020-12; strict mode would otherwise refuse it.
    allowUnionTypes: true,
    allErrors: true,
    verbose: options.verbose ?? false,
    // Checking a schema against the 2020-12 meta-schema compiles that first (~0.1 s); a worker loads contracts the CLI
    // checked.
    validateSchema: !options.alreadyChecked,
    logger: {
      log: () => undefined,
      warn: (...args: unknown[]) => warnings.push(args.join(' ')),
      error: (...args: unknown[]) => warnings.push(args.join(' ')),
    },
  });
  addFormats(ajv);
  // Annotations of contracts imported from OpenAPI (src/openapi/): where each came from, and the OpenAPI-only keywords
  // (x-ms-* extensions, discriminator, ...) kept for readers. Strict ajv refuses unknown keywords, so they are declared.
  ajv.addKeyword({ keyword: 'x-provenance', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'x-openapi', schemaType: 'object' });
  return ajv;
}
