#!/usr/bin/env node
import { main } from '../dist/server/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error) => {
    process.stderr.write(`kyc-onboarding: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
