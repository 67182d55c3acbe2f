// The bundled plans as `npm run build` precompiled them (scripts/build-plans.mjs): parsed,
// validated, with their positions, as JSON — reading one costs a JSON.parse instead of the YAML
// parser and the schema validator. Each carries the SHA-256 of the YAML it was made from: a plan
// file edited since the build is read from its YAML again, so stale data is never used.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import type { PlanData } from './plan-yaml.js';
import { readPlanYaml } from './plan-yaml.js';

export const BUNDLED_PLANS_DIR = join(PACKAGE_ROOT, 'plans');
export const PRECOMPILED_PLANS_DIR = join(PACKAGE_ROOT, 'dist', 'plans');

/** One precompiled plan file: the plan data and the hash of the YAML text it came from. */
export interface PrecompiledPlan extends PlanData {
  sha256: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The precompiled data of a bundled plan file, or undefined (not bundled, not built, or changed since). */
export function precompiledPlan(file: string): PlanData | undefined {
  if (dirname(file) !== BUNDLED_PLANS_DIR || !file.endsWith('.yaml')) return undefined;
  const data = join(PRECOMPILED_PLANS_DIR, `${basename(file, '.yaml')}.json`);
  if (!existsSync(data) || !existsSync(file)) return undefined;
  const pre = JSON.parse(readFileSync(data, 'utf8')) as PrecompiledPlan;
  return pre.sha256 === sha256(readFileSync(file)) ? { plan: pre.plan, positions: pre.positions } : undefined;
}

/** What the build writes for a bundled plan file: its YAML read, validated and hashed. */
export function precompilePlan(file: string): PrecompiledPlan {
  const hash = sha256(readFileSync(file));
  return { sha256: hash, ...readPlanYaml(file, () => '') };
}
