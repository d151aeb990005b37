// ESLint for the TypeScript (and the bench's JavaScript): typescript-eslint's recommended rules, with the project's
// few deliberate exceptions written down here. Formatting is Prettier's (npm run format:check), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'bench/node_modules/', 'bench/.work/', 'reports/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Heavy libraries (msw, msal-node, yaml) are required on first use so processes that never need them skip loading them.
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Playwright fixtures that need no other fixture are written `async ({}, use) => ...`, as Playwright documents.
      'no-empty-pattern': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-var-requires': 'off' },
  },
);
