import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created = new Set<string>();
process.on('exit', () => {
  if (!process.env.KEEP_TEST_DIRS) for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh, empty folder under the system temp dir, removed when the worker exits (unless KEEP_TEST_DIRS is set). */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `conformance-${label}-`));
  created.add(dir);
  return dir;
}
