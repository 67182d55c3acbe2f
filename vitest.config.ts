import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

// Two projects, both run by `npm test` (`vitest run`); `--project unit` or `--project system` runs one.
//
// system: files that start other programs — bin/cscheck as a child process (the exit code, stderr and
// stack a user gets), LibreOffice (soffice) to open written workbooks, Chromium to render HTML
// reports, the hostile-input corpus under prlimit and GNU time. A file with even one such test is
// listed here: the split is by file, and a new file that spawns belongs in this list.
// unit: everything else — code called in this process (worker threads included).
const ALL = ['test/**/*.test.ts'];
const SYSTEM = [
  'test/hostile/hostile.test.ts',
  'test/cli/batch.test.ts',
  'test/cli/compare.test.ts',
  'test/cli/evaluate.test.ts',
  'test/cli/formats.test.ts',
  'test/cli/hostile-cli.test.ts',
  'test/cli/output-errors.test.ts',
  'test/io/csv-hostile.test.ts',
  'test/io/legacy-formats.test.ts',
  'test/io/xlsx-hostile.test.ts',
  'test/report/annotate.test.ts',
  'test/report/batch-summary-xlsx.test.ts',
  'test/report/html-browser.test.ts',
  'test/report/template.test.ts',
  'test/rules/stack-depth.test.ts',
  'test/schema/limits.test.ts',
];

// Vitest's default is one worker less than the cores: on two cores, one test file at a time. Most of
// a system file's time is a child process or LibreOffice working while the test worker waits, and a
// unit file's time is largely module loading, so two files at a time keep both cores busy.
const WORKERS = Math.max(2, availableParallelism());

// The hostile corpus is the longest file by far; started last (vitest starts larger files first when it
// has no timings cached, as in a fresh checkout), it alone would decide the run's length.
const FIRST = 'test/hostile/hostile.test.ts';

class HostileFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => f.moduleId.endsWith(FIRST)), ...sorted.filter((f) => !f.moduleId.endsWith(FIRST))];
  }
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: WORKERS,
    sequence: { sequencer: HostileFirst },
    setupFiles: ['test/support/remove-tmp-dirs.ts'],
    projects: [
      // Unit files share one module cache per worker (isolate: false): loading and transforming
      // src/ once per worker instead of once per file is most of the unit project's time. No unit
      // file mocks modules or changes the working folder, and the one that stubs an environment variable
      // restores it, so none can leak into another.
      { extends: true, test: { name: 'unit', include: ALL, exclude: SYSTEM, isolate: false } },
      { extends: true, test: { name: 'system', include: SYSTEM } },
    ],
  },
});
