#!/usr/bin/env node
// The hub runs its TypeScript source directly: register tsx first, then load the CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), process.env);
