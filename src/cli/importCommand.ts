import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { log, UsageError } from '../common/log';
import { projectRoot } from '../common/projectRoot';
import { loadContracts } from '../contract/loadContracts';
import { operationContracts, type GeneratedContract } from '../openapi/operationContracts';
import { DescriptionError, readDescription } from '../openapi/readDescription';
import { selectOperations } from '../openapi/selectOperations';
import { printProblems } from './printProblems';

/**
 * `conformance import openapi FILE [--operation "METHOD /path"]... [--path-prefix P] [--tag T] [--out DIR]
 * [--id-prefix P]`: contracts (JSON Schema 2020-12, checked by strict ajv) for the request body and each response
 * status of the chosen operations, written to DIR (default contracts/openapi/<file name>/). A re-import says which
 * contracts are new, changed or unchanged, and which the description no longer yields.
 */
export async function importCommand(args: string[]): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'openapi')
    throw new UsageError(`import takes a source kind: \`import openapi FILE\`; got ${JSON.stringify(kind ?? '')}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      operation: { type: 'string', multiple: true },
      'path-prefix': { type: 'string' },
      tag: { type: 'string' },
      out: { type: 'string' },
      'id-prefix': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('import openapi takes one description file (YAML or JSON)');
  const path = resolve(positionals[0]);
  const shown = relative(process.cwd(), path) || path;
  let description;
  try {
    description = readDescription(path, shown);
  } catch (error) {
    if (!(error instanceof DescriptionError)) throw error;
    const at = error.line ? ` (line ${error.line}, column ${error.column})` : '';
    log.error(`${error.message}${at}; nothing was written`);
    return 2;
  }
  const selection = { operations: values.operation ?? [], pathPrefix: values['path-prefix'], tag: values.tag };
  const { selected, unknown } = selectOperations(description, selection);
  for (const u of unknown)
    log.error(
      `${shown} has no operation ${JSON.stringify(u.asked)}${u.near.length ? `; near it: ${u.near.join(', ')}` : ''}`,
    );
  if (unknown.length) return 2;
  if (selected.length === 0) {
    log.error(`no operation of ${shown} matches the selection; nothing was written`);
    return 2;
  }
  const name = basename(path, extname(path));
  const out = resolve(values.out ?? join(projectRoot, 'contracts', 'openapi', name));
  const prefix = values['id-prefix'] ?? `openapi.${name}.`;
  const contracts = selected.flatMap((op) => operationContracts(description, op, prefix));
  mkdirSync(out, { recursive: true });
  const counts = { new: 0, changed: 0, unchanged: 0 };
  for (const contract of contracts) {
    const status = writeContract(out, contract);
    counts[status]++;
    if (status !== 'unchanged')
      log.info(`${status.padEnd(9)} ${contract.id}  ${relative(process.cwd(), join(out, contract.fileName))}`);
  }
  const shownOut = relative(process.cwd(), out) || out;
  log.info(
    `${contracts.length} contract(s) of ${selected.length} operation(s) in ${shownOut}: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged`,
  );
  // What was written must load as the run loads contracts: strict ajv, every one compiled.
  const loaded = loadContracts(out);
  return printProblems(loaded.problems) ? 2 : 0;
}

/** Writes one contract unless the file already holds it; says whether it is new, changed or unchanged. */
function writeContract(dir: string, contract: GeneratedContract): 'new' | 'changed' | 'unchanged' {
  const file = join(dir, contract.fileName);
  const text = `${JSON.stringify(contract.schema, null, 2)}\n`;
  if (!existsSync(file)) {
    writeFileSync(file, text);
    return 'new';
  }
  if (readFileSync(file, 'utf8') === text) return 'unchanged';
  writeFileSync(file, text);
  return 'changed';
}
