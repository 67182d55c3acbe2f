// Batch's worker threads compile the plan from a snapshot the main thread took (no YAML parsing
// there): the compiled plan must place every indicator and requirement where the YAML file has it,
// exactly as compiling the loaded file does — including a child plan's items inherited from its parent.
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/rules/compile-plan.js';
import type { CompiledPlan } from '../../src/rules/compile-plan.js';
import { loadPlan } from '../../src/schema/load-plan.js';
import { fromSnapshot, recordingPositions } from '../../src/schema/plan-snapshot.js';

/** Every location the compiled plan carries into findings. */
const locations = (c: CompiledPlan) => [...c.indicators.map((i) => i.planLoc), ...c.requirements.map((r) => r.planLoc)];

describe('plan snapshots', () => {
  for (const id of ['quanzhou', 'luojiang', 'xianyou']) {
    it(`${id}: compiled from the snapshot, the plan has the locations of the file`, () => {
      const direct = compilePlan(loadPlan(id));
      const recording = recordingPositions(loadPlan(id));
      compilePlan(recording.loaded);
      // Through a structured clone, as workerData crosses to a thread.
      const again = compilePlan(fromSnapshot(structuredClone(recording.snapshot())));
      expect(locations(again)).toEqual(locations(direct));
      expect(again.loaded.plan).toEqual(direct.loaded.plan);
      expect([again.loaded.file, again.loaded.parents]).toEqual([direct.loaded.file, direct.loaded.parents]);
    });
  }

  it('luojiang: an indicator inherited from quanzhou is placed in quanzhou.yaml, its own in luojiang.yaml', () => {
    const recording = recordingPositions(loadPlan('luojiang'));
    compilePlan(recording.loaded);
    const c = compilePlan(fromSnapshot(recording.snapshot()));
    const files = new Set(locations(c).map((l) => l.file!.split('/').pop()));
    expect(files).toEqual(new Set(['quanzhou.yaml', 'luojiang.yaml']));
    expect(locations(c).every((l) => typeof l.line === 'number')).toBe(true);
  });
});
