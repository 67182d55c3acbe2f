// The tool's name and version, as reports and CI formats state them: read once from package.json
// so a release changes one place.

import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

export const TOOL_VERSION: string = pkg.version;
