import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, runCli, showOutput } from '../cli/runCli';

// contracts/graph-pki/DIFFERENCES.md is the committed diff between the PKI contracts of each source: every section
// must still be what its command prints, so the report cannot drift from the contracts it describes.

test('every section of contracts/graph-pki/DIFFERENCES.md is what its command prints today', () => {
  const text = readFileSync(join(projectRoot, 'contracts', 'graph-pki', 'DIFFERENCES.md'), 'utf8');
  const commands = [...text.matchAll(/^npx conformance (contracts diff .+)$/gm)].map((m) => m[1].split(' '));
  expect(commands).toHaveLength(3);
  for (const args of commands) {
    const run = runCli(args);
    expect(run.status, showOutput(run)).toBe(0);
    expect(text, `regenerate DIFFERENCES.md: npx conformance ${args.join(' ')}`).toContain(run.stdout);
  }
  // Among them, the disagreements the sources are known for.
  expect(text).toContain('| lastModifiedDateTime | property-removed |');
  expect(text).toMatch(
    /\| lastModifiedDateTime \| required-added \| false \| true \| safe \| breaking \| [^|]*pki-update-last-modified-server-managed/,
  );
});
