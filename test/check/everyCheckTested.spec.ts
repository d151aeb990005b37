/**
 * Every check under src/check/checks has its own spec here, named after its file, so a new check cannot arrive
 * untested.
 */
import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checks } from '../../src/check/registry';

test('each file of src/check/checks has a spec of the same name in test/check, and the registry holds one check per file', () => {
  const sources = readdirSync(join(__dirname, '../../src/check/checks'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  const specs = new Set(
    readdirSync(__dirname)
      .filter((f) => f.endsWith('.spec.ts'))
      .map((f) => f.replace(/\.spec\.ts$/, '')),
  );
  expect(sources.filter((name) => !specs.has(name))).toEqual([]);
  expect(checks.length).toBe(sources.length);
});

test('each check file, its export and its registered name are one name (file and export in camelCase, the name in snake_case)', () => {
  const dir = join(__dirname, '../../src/check/checks');
  const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const base = file.replace(/\.ts$/, '');
    const exported = require(join(dir, file)) as Record<string, { name?: string }>;
    expect(Object.keys(exported), file).toEqual([base]);
    expect(camel(exported[base].name ?? ''), file).toBe(base);
  }
});
