// Setup file of both vitest projects: see tmp-dirs.ts.
import { afterAll } from 'vitest';
import { removeTmpDirs } from './tmp-dirs.js';

afterAll(removeTmpDirs);
