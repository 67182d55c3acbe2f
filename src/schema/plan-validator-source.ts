// The plan JSON Schema compiled into standalone validator code (ajv standalone), for the build
// (scripts/build-validators.mjs) and for the test that checks the built file is current. Only they
// load ajv's compiler; the tool requires the generated module (plan-yaml.ts).

import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { planSchema } from './plan-schema.js';

/** CommonJS source of the validator, with the options the plan loader has always used. */
export function planValidatorSource(): string {
  const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: true, code: { source: true } });
  return standaloneCode.default(ajv, ajv.compile(planSchema));
}
