import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { counted } from '../common/counted';
import { listFiles } from '../common/listFiles';
import { log, UsageError } from '../common/log';
import { lintDocsPage } from '../docs/docsLint';
import { readDocsPage } from '../docs/docsPage';
import { renderProblem } from '../report/renderProblem';

/**
 * `conformance docs lint PATH... [--format text|json]`: a strict lint of Graph docs pages (files, or folders of `.md`),
 * shown like the scenario lint (file:line:col, the line, carets, a hint). Exit 1 when it finds a problem.
 */
export async function docsCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'lint') throw new UsageError(`docs takes \`lint PATH...\`; got ${JSON.stringify(verb ?? '')}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { format: { type: 'string' } },
  });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format takes text or json; got ${JSON.stringify(format)}`);
  if (positionals.length === 0) throw new UsageError('docs lint takes the pages (or folders of pages) to check');
  const files: string[] = [];
  for (const p of positionals) {
    const path = resolve(p);
    let directory: boolean;
    try {
      directory = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`${p}: no such file or folder`);
    }
    files.push(...(directory ? listFiles(path, '.md') : [path]));
  }
  const problems = files.flatMap((path) =>
    lintDocsPage(readDocsPage(path, relative(process.cwd(), path) || path), path),
  );
  if (format === 'json')
    process.stdout.write(
      `${JSON.stringify(
        {
          pages: files.length,
          problems: problems.map((p) => ({
            code: p.code,
            message: p.message,
            ...p.location,
            ...(p.hint ? { hint: p.hint } : {}),
          })),
        },
        null,
        2,
      )}\n`,
    );
  else {
    for (const p of problems) process.stdout.write(`${renderProblem(p)}\n`);
    const pagesWith = new Set(problems.map((p) => p.location.file)).size;
    log.info(
      problems.length
        ? `${counted(problems.length, 'problem')} in ${counted(pagesWith, 'page')} of ${files.length}`
        : `${counted(files.length, 'page')}: no problems found`,
    );
  }
  return problems.length ? 1 : 0;
}
