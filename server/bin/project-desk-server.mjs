#!/usr/bin/env node
// `project-desk-server`: the sync server (server/cli.ts; `project-desk-server --help`).
// The checkout has no build step: tsx's scoped loader runs the TypeScript sources in this same process,
// so a signal sent to this process (SIGTERM, SIGKILL) reaches the server itself.
import { tsImport } from 'tsx/esm/api';

const { main, processIo } = await tsImport('../cli.ts', import.meta.url);
process.exit(await main(process.argv.slice(2), processIo()));
