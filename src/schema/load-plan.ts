// Loading a plan: a bundled plan from the data the build precompiled (bundled-plans.ts), any other
// file from its YAML (plan-yaml.ts), with every error located at file:line:column. A plan may
// `extends:` another; the child keeps the parent's indicators and requirements that it does not
// restate. `--plan` takes a bundled plan's id or any name people know it by (plan-names.ts).

import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BUNDLED_PLANS_DIR, precompiledPlan } from './bundled-plans.js';
import { CscheckError } from './errors.js';
import { localized } from './messages.js';
import type { Plan } from './plan.js';
import { matchPlanName } from './plan-names.js';
import { positionOf, readPlanYaml } from './plan-yaml.js';

export interface LoadedPlan {
  plan: Plan;
  file: string;
  /** Where each plan item was defined, for messages: `indicators.3` → file:line:col. */
  locate(path: (string | number)[]): { file: string; line?: number; col?: number };
  /** The chain of plan ids this plan extends, nearest first. */
  parents: string[];
}

export function bundledPlanIds(): string[] {
  if (!existsSync(BUNDLED_PLANS_DIR)) return [];
  return readdirSync(BUNDLED_PLANS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => basename(f, '.yaml'))
    .sort();
}

const bundledFile = (id: string) => join(BUNDLED_PLANS_DIR, `${id}.yaml`);
const available = () => bundledPlanIds().join(', ');

/**
 * `--plan quanzhou` names a bundled plan — by id, region, document number or name (plan-names.ts);
 * anything with a slash or .yaml is a path.
 */
export function resolvePlanPath(ref: string): string {
  if (/[\\/]/.test(ref) || /\.ya?ml$/i.test(ref)) {
    if (!existsSync(ref)) throw new CscheckError('plan.not-found', { plan: ref, available: available() });
    return resolve(ref);
  }
  if (bundledPlanIds().includes(ref)) return bundledFile(ref);
  return bundledFile(matchPlanName(ref, bundledPlanIds().map((id) => loadOne(bundledFile(id)).plan)));
}

function loadOne(file: string): LoadedPlan {
  const { plan, positions } = precompiledPlan(file) ?? readPlanYaml(file, available);
  const locate = (path: (string | number)[]) => {
    const [line, col] = positionOf(positions, path);
    return { file, line, col };
  };
  return { plan, file, locate, parents: [] };
}

/** Loads one plan file as written: validated, its `extends` left unresolved (for plan tooling). */
export function loadPlanFile(ref: string): LoadedPlan {
  return loadOne(resolvePlanPath(ref));
}

function mergeById<T extends { id: string }>(parent: T[] = [], child: T[] = []): T[] {
  const own = new Map(child.map((x) => [x.id, x]));
  return [...parent.map((p) => own.get(p.id) ?? p), ...child.filter((c) => !parent.some((p) => p.id === c.id))];
}

/** Loads a plan by id or path and resolves `extends`. */
export function loadPlan(ref: string, seen: string[] = []): LoadedPlan {
  const file = resolvePlanPath(ref);
  const loaded = loadOne(file);
  const { plan } = loaded;
  if (!plan.extends) return loaded;
  if (seen.includes(plan.id) || plan.extends === plan.id) {
    throw new CscheckError('plan.schema', { path: '/extends', detail: localized('schema.circular', { chain: [...seen, plan.id, plan.extends].join(' → ') }) }, loaded.locate(['extends']));
  }
  const parentRef = existsSync(join(dirname(file), `${plan.extends}.yaml`)) ? join(dirname(file), `${plan.extends}.yaml`) : plan.extends;
  const parent = loadPlan(parentRef, [...seen, plan.id]);
  const merged: Plan = {
    ...plan,
    units: mergeByName(parent.plan.units, plan.units),
    indicators: mergeById(parent.plan.indicators, plan.indicators),
    requirements: mergeById(parent.plan.requirements, plan.requirements),
    tasks: plan.tasks ?? [],
  };
  const own = (key: 'indicators' | 'requirements', id: string) => (plan[key] ?? []).some((x) => x.id === id);
  return {
    plan: merged,
    file,
    parents: [parent.plan.id, ...parent.parents],
    locate: (path) => {
      const [key, index] = path;
      if ((key === 'indicators' || key === 'requirements') && typeof index === 'number') {
        const item = merged[key]![index];
        if (item && !own(key, item.id)) {
          const i = (parent.plan[key] ?? []).findIndex((x) => x.id === item.id);
          return parent.locate([key, i, ...path.slice(2)]);
        }
        const i = (plan[key] ?? []).findIndex((x) => x.id === item?.id);
        return loaded.locate([key, i, ...path.slice(2)]);
      }
      return loaded.locate(path);
    },
  };
}

function mergeByName(parent: Plan['units'] = [], child: Plan['units'] = []): Plan['units'] {
  const names = new Set(child.map((u) => u.name));
  return [...child, ...parent.filter((u) => !names.has(u.name))];
}

/** Where `locate` put a plan item. */
export type PlanPosition = ReturnType<LoadedPlan['locate']>;
