// Issue 17.10: the package is publishable. `npm pack` holds the command (bin), the build (dist), the
// bundled plans with their sources, and the documentation the README links to; nothing of the
// sources, tests or fixtures. Scripts are skipped (the build is pretest's); dist must exist.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support.js';

describe('npm pack', () => {
  it('holds bin, dist, plans (sources too) and the docs; no src, test or fixtures', () => {
    expect(existsSync(path.join(ROOT, 'dist/cli/main.js')), 'run npm run build first').toBe(true);
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = new Set<string>((JSON.parse(r.stdout)[0].files as { path: string }[]).map((f) => f.path));

    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const bin of Object.values(pkg.bin as Record<string, string>)) expect(files).toContain(bin.replace(/^\.\//, ''));
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('README.md');
    for (const dir of ['plans', 'plans/sources']) {
      for (const f of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) if (f.isFile()) expect(files).toContain(`${dir}/${f.name}`);
    }
    // Every document the README links to that exists in the repository.
    const linked = [...readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/\]\((docs\/[^)#]+\.md)\)/g)].map((m) => m[1]);
    expect(linked.length).toBeGreaterThan(3);
    for (const d of linked) if (existsSync(path.join(ROOT, d))) expect(files).toContain(d);

    for (const f of files) expect(f).not.toMatch(/^(src|test|fixtures|bench|scripts|node_modules)\//);
  }, 60_000);
});
