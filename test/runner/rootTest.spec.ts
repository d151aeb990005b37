import * as playwrightTest from '@playwright/test';
import { test, expect } from '@playwright/test';
import { rootTest } from '../../src/runner/conformanceTest';

// The conformance spec relies on Playwright's private root test type for its speed; an upgrade that drops it must be
// noticed here.
test('Playwright still exports its root test type, and the conformance test is built on it', () => {
  const exported = (playwrightTest as unknown as { _baseTest?: unknown })._baseTest;
  expect(typeof exported).toBe('function');
  expect(rootTest).toBe(exported);
});
