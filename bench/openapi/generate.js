// Writes a Graph-sized OpenAPI 3.0 description (YAML, about 35 MB: 10,405 paths, 4,292 schemas) in the shape of
// Microsoft's Graph descriptions: Kiota-style allOf base types, an entity base whose discriminator maps every type,
// 2XX/4XX/5XX ranges with a shared error response, x-ms-* extensions, nullable properties and OData formats.
// Generated on each bench run and never committed (bench/.work/ is ignored).
import { createWriteStream } from 'node:fs';

/** Writes the description to `file`; resolves with its path count, schema count and one PATCH operation to slice. */
export function generateDescription(file, { paths = 10_405, schemas = 4_292, properties = 18 } = {}) {
  const out = createWriteStream(file);
  const w = (s) => out.write(s);
  const type = (s) => `microsoft.graph.type${s}`;
  w('openapi: 3.0.4\ninfo:\n  title: Generated Graph-sized description\n  version: beta\npaths:\n');
  for (let i = 0; i < paths; i++) {
    const s = i % schemas;
    const ref = `$ref: '#/components/schemas/${type(s)}'`;
    const responses = (what) =>
      `      responses:\n        2XX:\n          description: ${what}\n          content:\n            application/json:\n              schema:\n                ${ref}\n        4XX:\n          $ref: '#/components/responses/error'\n        5XX:\n          $ref: '#/components/responses/error'\n      x-ms-docs-operation-type: operation\n`;
    w(
      `  /collection${i}/{item-id}:\n    description: Provides operations to manage the items of collection ${i}.\n    get:\n      tags:\n        - collection${i % 300}.item\n      summary: Get an item of collection ${i}\n      operationId: collection${i}.GetItem\n      parameters:\n        - name: item-id\n          in: path\n          description: The unique identifier of the item\n          required: true\n          schema:\n            type: string\n        - name: $select\n          in: query\n          description: Select properties to be returned\n          style: form\n          explode: false\n          schema:\n            uniqueItems: true\n            type: array\n            items:\n              type: string\n${responses('Retrieved item')}    patch:\n      tags:\n        - collection${i % 300}.item\n      summary: Update an item of collection ${i}\n      operationId: collection${i}.UpdateItem\n      requestBody:\n        description: New property values\n        content:\n          application/json:\n            schema:\n              ${ref}\n        required: true\n${responses('Success')}`,
    );
  }
  w(
    "components:\n  schemas:\n    microsoft.graph.entity:\n      title: entity\n      required:\n        - '@odata.type'\n      type: object\n      properties:\n        id:\n          type: string\n          description: The unique identifier for an entity. Read-only.\n          readOnly: true\n        '@odata.type':\n          type: string\n      discriminator:\n        propertyName: '@odata.type'\n        mapping:\n",
  );
  for (let s = 0; s < schemas; s++) w(`          '#${type(s)}': '#/components/schemas/${type(s)}'\n`);
  for (let s = 0; s < schemas; s++) {
    w(
      `    ${type(s)}:\n      allOf:\n        - $ref: '#/components/schemas/microsoft.graph.entity'\n        - title: type${s}\n          required:\n            - '@odata.type'\n          type: object\n          properties:\n`,
    );
    for (let k = 0; k < properties; k++)
      w(
        `            property${k}:\n              type: string\n              description: Property ${k} of type ${s}, described at about the length Graph's own descriptions have.\n              nullable: true\n`,
      );
    w(
      `            revision:\n              maximum: 2147483647\n              minimum: -2147483648\n              type: number\n              format: int32\n            modifiedDateTime:\n              pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$'\n              type: string\n              format: date-time\n              nullable: true\n              readOnly: true\n      x-ms-discriminator-value: '#${type(s)}'\n`,
    );
  }
  w(
    "    microsoft.graph.ODataErrors.ODataError:\n      required:\n        - error\n      type: object\n      properties:\n        error:\n          $ref: '#/components/schemas/microsoft.graph.ODataErrors.MainError'\n    microsoft.graph.ODataErrors.MainError:\n      required:\n        - code\n        - message\n      type: object\n      properties:\n        code:\n          type: string\n        message:\n          type: string\n  responses:\n    error:\n      description: error\n      content:\n        application/json:\n          schema:\n            $ref: '#/components/schemas/microsoft.graph.ODataErrors.ODataError'\n",
  );
  return new Promise((done, fail) => {
    out.on('error', fail);
    out.end(() => done({ paths, schemas, operation: `PATCH /collection${Math.floor(paths / 2)}/{item-id}` }));
  });
}
