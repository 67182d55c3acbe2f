// How many cases a property test tries. By default a quarter of the count each test names (at least
// 10), so the unit project stays quick; fast-check draws a new seed each run, so repeated runs cover
// more ground over time. PROPERTY_RUNS_SCALE=1 runs the full counts (for a nightly or release run);
// any other positive number scales them.

const DEFAULT_SCALE = 0.25;

function scale(): number {
  const n = Number(process.env.PROPERTY_RUNS_SCALE);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_SCALE;
}

/** `full` cases scaled by PROPERTY_RUNS_SCALE. */
export function propertyRuns(full: number): number {
  return Math.max(10, Math.round(full * scale()));
}
