/** Every check under src/check/checks has its own spec here, named after its file, so a new check cannot arrive untested. */
import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checks } from '../../src/check/registry';

test('each file of src/check/checks has a spec of the same name in test/check, and the registry holds one check per file', () => {
  const sources = readdirSync(join(__dirname, '../../src/check/checks')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
  const specs = new Set(readdirSync(__dirname).filter((f) => f.endsWith('.spec.ts')).map((f) => f.replace(/\.spec\.ts$/, '')));
  expect(sources.filter((name) => !specs.has(name))).toEqual([]);
  expect(checks.length).toBe(sources.length);
});
