// Part of `npm run build`, after tsc: the plan JSON Schema compiled once, here, into a standalone
// validator module, so that running the tool never compiles the schema nor loads ajv's compiler.
// test/schema/precompiled.test.ts checks the written file against the schema.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { planValidatorSource } = await import(join(root, 'dist/schema/plan-validator-source.js'));
const { PLAN_VALIDATOR_FILE } = await import(join(root, 'dist/schema/plan-yaml.js'));

mkdirSync(dirname(PLAN_VALIDATOR_FILE), { recursive: true });
writeFileSync(`${PLAN_VALIDATOR_FILE}.tmp`, planValidatorSource());
renameSync(`${PLAN_VALIDATOR_FILE}.tmp`, PLAN_VALIDATOR_FILE);
