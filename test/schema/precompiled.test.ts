// The build precompiles the plan schema and the bundled plans (npm run build). What it wrote must be
// what the sources give now — a plan or the schema edited without a rebuild fails here — and the
// positions kept for the precompiled plans must place every path where the YAML document does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PLANS_DIR, PRECOMPILED_PLANS_DIR, precompilePlan, precompiledPlan } from '../../src/schema/bundled-plans.js';
import { bundledPlanIds, loadPlan } from '../../src/schema/load-plan.js';
import { PLAN_VALIDATOR_FILE, positionOf } from '../../src/schema/plan-yaml.js';
import { planValidatorSource } from '../../src/schema/plan-validator-source.js';

const yamlOf = (id: string) => join(BUNDLED_PLANS_DIR, `${id}.yaml`);

/** Every path into a value: each key of each map and each index of each list, and the paths below. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

describe('precompiled plans', () => {
  it('the build wrote the validator the plan schema compiles to now', () => {
    expect(readFileSync(PLAN_VALIDATOR_FILE, 'utf8')).toBe(planValidatorSource());
  });

  for (const id of bundledPlanIds()) {
    it(`${id}: dist/plans/${id}.json is what reading plans/${id}.yaml gives`, () => {
      const built = JSON.parse(readFileSync(join(PRECOMPILED_PLANS_DIR, `${id}.json`), 'utf8'));
      expect(built).toEqual(precompilePlan(yamlOf(id)));
      expect(precompiledPlan(yamlOf(id))).toBeDefined();
    });
  }

  it('a plan file outside plans/ is not taken from the precompiled data', () => {
    expect(precompiledPlan(join(BUNDLED_PLANS_DIR, '..', 'quanzhou.yaml'))).toBeUndefined();
  });

  for (const id of ['quanzhou', 'luojiang']) {
    it(`${id}: every path is placed where the YAML document's node for it starts`, () => {
      const text = readFileSync(yamlOf(id), 'utf8');
      const lines = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lines });
      const { positions } = precompiledPlan(yamlOf(id))!;
      const paths = pathsOf(doc.toJS());
      expect(paths.length).toBeGreaterThan(1000);
      for (const path of [...paths, [...paths[paths.length - 1], 'absent', 3]]) {
        let expected: [number, number] | undefined;
        for (let n = path.length; n >= 0 && !expected; n--) {
          const node = doc.getIn(path.slice(0, n), true);
          if (isNode(node) && node.range) expected = [lines.linePos(node.range[0]).line, lines.linePos(node.range[0]).col];
        }
        expect([path, positionOf(positions, path)]).toEqual([path, expected]);
      }
    });
  }

  it('luojiang: an inherited indicator is placed in quanzhou.yaml, at the line its id is written', () => {
    const loaded = loadPlan('luojiang');
    const i = loaded.plan.indicators.findIndex((x) => x.id === 'facility_coverage_rural');
    const where = loaded.locate(['indicators', i, 'id']);
    expect(where.file).toBe(yamlOf('quanzhou'));
    const line = readFileSync(yamlOf('quanzhou'), 'utf8').split('\n')[where.line! - 1];
    expect(line).toContain('facility_coverage_rural');
  });
});
