#!/usr/bin/env node
// The mock-koodrive command. Committed (dist/ is not), so that package managers can link the bin
// when they install the workspace, before anything is built.
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
import(cli.href).catch((error) => {
  const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`'${fileURLToPath(cli)}'`);
  if (!notBuilt) throw error;
  process.stderr.write(
    'mock-koodrive: @koodrive/testing is not built yet: run `pnpm build` (or `pnpm example`) first\n',
  );
  process.exit(1);
});
