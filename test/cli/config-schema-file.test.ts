// The JSON Schema editors read (schemas/cscheck.config.schema.json, named by `$schema` or a
// yaml-language-server comment) is the one the reader validates with: regenerate it with
// `node -e "import('./dist/schema/config.js').then(m => console.log(JSON.stringify(m.configSchema, null, 2)))" > schemas/cscheck.config.schema.json`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { configSchema } from '../../src/schema/config.js';
import { ROOT } from './helpers.js';

it('the committed schema file equals the schema in src/schema/config.ts', () => {
  const file = JSON.parse(readFileSync(join(ROOT, 'schemas', 'cscheck.config.schema.json'), 'utf8')) as unknown;
  expect(file).toEqual(JSON.parse(JSON.stringify(configSchema)));
});
