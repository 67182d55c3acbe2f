// The folder the package is installed in: the same two levels up from src/schema (tests) and
// dist/schema (the built tool), so both find plans/ and the build's generated files there.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
