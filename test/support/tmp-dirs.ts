// Temporary folders the tests make, removed after each test file by test/support/remove-tmp-dirs.ts
// (a setup file). The hook lives there, not in the helpers that make the folders: the unit project
// shares loaded modules between test files, so a hook a helper module registered when first loaded
// would run after the first file only.

import { rmSync } from 'node:fs';

const dirs: string[] = [];

export function keepTmpDir(dir: string): string {
  dirs.push(dir);
  return dir;
}

export function removeTmpDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
