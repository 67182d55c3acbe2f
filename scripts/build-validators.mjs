// Part of `npm run build`, after tsc: the plan JSON Schema compiled once, here, into a standalone
// validator module (ajv standalone code), so that running the tool never compiles the schema or
// loads ajv's compiler. test/schema/precompiled.test.ts checks the file against the schema.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { planSchema } = await import(join(root, 'dist/schema/plan-schema.js'));

/** The validator's source: the options are the ones the plan loader always used. */
export function planValidatorSource(schema = planSchema) {
  const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: true, code: { source: true } });
  return standaloneCode.default(ajv, ajv.compile(schema));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(root, 'dist/schema/plan-validator.cjs');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, planValidatorSource());
  renameSync(`${out}.tmp`, out);
}
