// Finding and reading the configuration file: the first of CONFIG_NAMES in the working directory or
// the nearest folder above it (a package.json counts only when it has a "cscheck" key). The search
// is ours rather than lilconfig's because lilconfig reads a found file whole, with no size bound;
// here every file is read through readBoundedText under LIMITS.configBytes, and every schema
// error is located at file:line:column.

import { statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { CscheckError } from '../schema/errors.js';
import type { Location } from '../schema/finding.js';
import { CONFIG_COMMANDS, CONFIG_OPTIONS, CONFIG_PATH_OPTIONS, configSchema } from '../schema/config.js';
import type { PathPart, YamlSource } from '../schema/yaml-source.js';
import { errorPath, parseYaml, readBoundedText, schemaMessage } from '../schema/yaml-source.js';

export const CONFIG_NAMES = ['cscheck.config.yaml', 'cscheck.config.yml', '.cscheckrc.yaml', '.cscheckrc.yml', '.cscheckrc.json', 'package.json'] as const;

/** One option value from the file, with where it is written (for messages about it). */
export interface ConfigValue {
  value: string | number | boolean;
  where: Location & { file: string };
  /** Written in the command's own section (not at the top level): a value the command cannot take is then an error, not skipped. */
  inSection: boolean;
}

export interface CliConfig {
  file: string;
  /** The options for a command: its own section over the top level; keys as commander names them (`failOn`). */
  forCommand(command: string): Map<string, ConfigValue>;
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/** `fail-on` → `failOn`, as commander stores option values. */
const camel = (key: string) => key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The first configuration file from `dir` upward, or null. */
export function findConfigFile(dir: string): string | null {
  for (let d = resolve(dir); ; d = dirname(d)) {
    for (const name of CONFIG_NAMES) {
      const path = join(d, name);
      if (!isFile(path)) continue;
      if (name !== 'package.json' || hasPackageKey(path)) return path;
    }
    if (dirname(d) === d) return null;
  }
}

/** Cheap test before parsing a package.json: it must at least mention the key. */
function hasPackageKey(path: string): boolean {
  return readBoundedText(path, 'configBytes').includes('"cscheck"');
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

// ajv is loaded only when a configuration file is found: most runs have none, and it is a large tree.
const require = createRequire(import.meta.url);
const newAjv = () => new (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).Ajv2020({ allErrors: false, strict: true });

/** Reads and validates one configuration file (a package.json: its "cscheck" key). */
export function readConfig(file: string): CliConfig {
  if (!isFile(file)) throw new CscheckError('config.not-found', { file }, { file });
  const source: YamlSource = parseYaml(readBoundedText(file, 'configBytes'), file);
  const inPackage = basename(file) === 'package.json';
  const prefix: PathPart[] = inPackage ? ['cscheck'] : [];
  const data = inPackage ? (source.data as Record<string, unknown> | null)?.cscheck : source.data;
  // An empty file is an empty configuration.
  const config = data ?? {};
  if (typeof config !== 'object' || Array.isArray(config)) throw new CscheckError('config.not-object', {}, source.locate(prefix));
  validator ??= newAjv().compile(configSchema);
  if (!validator(config)) {
    const e = validator.errors![0];
    const path = errorPath(e);
    // An unknown key is shown where the key is written, not where its parent map starts.
    const unknown = e.keyword === 'additionalProperties';
    const at = unknown ? [...path, (e.params as { additionalProperty: string }).additionalProperty] : path;
    throw new CscheckError('config.invalid', { path: e.instancePath || '/', detail: schemaMessage(e) }, source.locate([...prefix, ...at], unknown));
  }
  const base = dirname(resolve(file));
  const values = config as Record<string, unknown>;
  const entries = (sectionPath: PathPart[], section: Record<string, unknown>, inSection = sectionPath.length > 0) =>
    CONFIG_OPTIONS.filter((o) => section[o] !== undefined).map((o): [string, ConfigValue] => {
      const raw = section[o] as string | number | boolean;
      const value = o === 'plan' ? planRef(raw as string, base) : CONFIG_PATH_OPTIONS.includes(o) && !isAbsolute(raw as string) ? resolve(base, raw as string) : raw;
      return [camel(o), { value, where: source.locate([...prefix, ...sectionPath, o]), inSection }];
    });
  const top = entries([], values);
  return {
    file,
    forCommand(command) {
      const own = (CONFIG_COMMANDS as readonly string[]).includes(command) ? (values[command] as Record<string, unknown> | undefined) : undefined;
      return new Map([...top, ...(own ? entries([command], own) : [])]);
    },
  };
}

/** A plan named by a path (it has a slash or a .yaml ending) is relative to the file; an id or a name stays as written. */
function planRef(ref: string, base: string): string {
  return /[\\/]|\.ya?ml$/i.test(ref) && !isAbsolute(ref) ? resolve(base, ref) : ref;
}

/** The configuration that applies: `--config FILE`, none with `--no-config`, else the one found from `cwd` upward. */
export function loadConfig(opts: { config?: string | false; cwd: string }): CliConfig | null {
  if (opts.config === false) return null;
  if (typeof opts.config === 'string') return readConfig(resolve(opts.cwd, opts.config));
  const found = findConfigFile(opts.cwd);
  return found ? readConfig(found) : null;
}
