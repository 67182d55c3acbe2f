// Part of `npm run build`, after tsc and the validator: each bundled plan (plans/*.yaml) read,
// validated and written as dist/plans/<id>.json with its positions and the hash of its YAML, so
// that `--plan <id>` costs a JSON.parse. A plan that does not load is left out with its error:
// the tool then reads that YAML itself and reports the error where the plan is used.

import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { BUNDLED_PLANS_DIR, PRECOMPILED_PLANS_DIR, precompilePlan } = await import(join(root, 'dist/schema/bundled-plans.js'));

mkdirSync(PRECOMPILED_PLANS_DIR, { recursive: true });
const ids = readdirSync(BUNDLED_PLANS_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length));
for (const stale of readdirSync(PRECOMPILED_PLANS_DIR).filter((f) => f.endsWith('.json') && !ids.includes(f.slice(0, -'.json'.length)))) {
  rmSync(join(PRECOMPILED_PLANS_DIR, stale));
}
for (const id of ids) {
  const out = join(PRECOMPILED_PLANS_DIR, `${id}.json`);
  try {
    writeFileSync(`${out}.tmp`, JSON.stringify(precompilePlan(join(BUNDLED_PLANS_DIR, `${id}.yaml`))));
    renameSync(`${out}.tmp`, out);
  } catch (err) {
    rmSync(out, { force: true });
    rmSync(`${out}.tmp`, { force: true });
    console.warn(`plans/${id}.yaml not precompiled: ${err.message}`);
  }
}
