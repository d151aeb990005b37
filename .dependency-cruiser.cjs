/**
 * The import rules of src/, folder by folder (docs/architecture.md draws them). Each folder may import only the folders
 * listed for it, so the layers run one way: common at the bottom, cli at the top, and no two folders import each other.
 * `npm run lint:deps` checks them; .ci/run fails on a violation.
 */
const layers = {
  common: [],
  contract: ['common'],
  scenario: ['common', 'contract'],
  check: ['common', 'contract', 'scenario'],
  report: ['common'],
  simulator: ['common'],
  targets: ['common', 'scenario', 'report'],
  replay: ['common', 'simulator', 'targets'],
  serve: ['common', 'simulator'],
  engine: ['common', 'contract', 'scenario', 'check', 'targets'],
  baseline: ['common', 'scenario', 'report'],
  matrix: ['common', 'report'],
  history: ['common', 'report'],
  openapi: ['common'],
  docs: ['common', 'contract'],
  diff: ['common'],
  recordings: ['common', 'contract', 'scenario', 'check', 'targets', 'engine'],
  runner: ['common', 'contract', 'scenario', 'check', 'report', 'targets', 'replay', 'engine', 'recordings', 'matrix'],
  cli: [
    'common',
    'contract',
    'scenario',
    'check',
    'report',
    'simulator',
    'targets',
    'serve',
    'engine',
    'recordings',
    'runner',
    'baseline',
    'matrix',
    'history',
    'openapi',
    'docs',
    'diff',
  ],
};

/** Only the runner adapts the engine to Playwright Test; everything below it runs without Playwright. */
const playwrightFree = Object.keys(layers).filter((folder) => folder !== 'runner');

module.exports = {
  forbidden: [
    ...Object.entries(layers).map(([folder, allowed]) => ({
      name: `${folder}-imports`,
      comment: `src/${folder}/ may import only ${allowed.length ? allowed.map((f) => `src/${f}/`).join(', ') : 'nothing else in src/'} (docs/architecture.md)`,
      severity: 'error',
      from: { path: `^src/${folder}/` },
      to: { path: '^src/', pathNot: [`^src/${folder}/`, ...allowed.map((f) => `^src/${f}/`)] },
    })),
    {
      name: 'no-unknown-folder',
      comment:
        'every file of src/ sits in a folder the rules above name; add a new concept to the rules and to docs/architecture.md',
      severity: 'error',
      from: { path: '^src/', pathNot: Object.keys(layers).map((f) => `^src/${f}/`) },
      to: {},
    },
    {
      name: 'playwright-only-in-runner',
      comment:
        'the engine, checks, reports and targets run without Playwright Test; only src/runner/ adapts them to it',
      severity: 'error',
      from: { path: playwrightFree.map((f) => `^src/${f}/`) },
      to: { path: '@playwright/test' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycle, between folders or inside one',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'entry-points-use-the-runner',
      comment:
        'the Playwright config and specs/ reach the harness through src/runner/ (and the shared types of src/common/)',
      severity: 'error',
      from: { path: '^(specs/|playwright\\.config\\.ts$)' },
      to: { path: '^src/', pathNot: ['^src/runner/', '^src/common/'] },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|specs|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
