#!/usr/bin/env node
// The `conformance` command: TypeScript sources run through tsx's require hook, so there is no build step to forget.
require('tsx/cjs/api').register();
require('../src/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
