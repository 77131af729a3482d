#!/usr/bin/env node
// `kyc-onboarding sandbox …` (the demo on the in-memory sandbox) and `kyc-onboarding doctor …`
// (reads a real platform as the widget would). The doctor is the widget's side of the package (its
// client and schemas), so it is loaded only when asked for, apart from the Node side's code.
const [command, ...rest] = process.argv.slice(2);
const run =
  command === 'doctor'
    ? import('../dist/doctor/doctor.js').then(({ doctorMain }) => doctorMain(rest))
    : import('../dist/server/cli.js').then(({ main }) => main(process.argv.slice(2)));

run.then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error) => {
    process.stderr.write(`kyc-onboarding: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
