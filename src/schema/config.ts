// The configuration file's JSON Schema (cscheck.config.yaml, .cscheckrc.yaml/.json, or a "cscheck"
// key in package.json): defaults for command-line options, at the top level for every command and
// in a section per command. Keys are spelled as the options are (`fail-on`, `max-warnings`).

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** The options a configuration file may set, as JSON Schema properties. */
const optionProperties = {
  plan: { type: 'string', minLength: 1, description: 'plan id, name or YAML file (relative to this file)' },
  lang: { enum: ['zh', 'en'] },
  format: { type: 'string', minLength: 1 },
  'fail-on': { enum: ['error', 'warning', 'info', 'none', 'binding', 'expected', 'newly-missed'] },
  'max-warnings': { type: 'integer', minimum: 0 },
  'max-findings': { type: 'integer', minimum: 0 },
  'as-of': { type: 'string', pattern: DATE },
  sheet: { type: 'string', minLength: 1 },
  encoding: { type: 'string', minLength: 1 },
  output: { type: 'string', minLength: 1, description: 'relative to this file' },
  out: { type: 'string', minLength: 1, description: 'batch report folder, relative to this file' },
  quiet: { type: 'boolean' },
  color: { type: 'boolean' },
  jobs: { type: 'integer', minimum: 1 },
} as const;

/** Commands that take a section of their own (`plans lint` is `lint`). */
export const CONFIG_COMMANDS = ['evaluate', 'ledger', 'batch', 'compare', 'lint', 'template'] as const;
export type ConfigOption = keyof typeof optionProperties;
export const CONFIG_OPTIONS = Object.keys(optionProperties) as ConfigOption[];
/** Options whose values are paths, resolved against the configuration file's folder. */
export const CONFIG_PATH_OPTIONS: readonly ConfigOption[] = ['output', 'out'];

const section = { type: 'object', additionalProperties: false, properties: optionProperties } as const;

export const configSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'cscheck configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    ...optionProperties,
    ...Object.fromEntries(CONFIG_COMMANDS.map((c) => [c, section])),
  },
} as const;
