// A plan file that cannot be loaded (YAML syntax, JSON Schema, duplicate ids, a missing parent) is a
// finding of `plans lint`, not a crash: the loader's own error, with its location, becomes one.

import type { CscheckError } from '../../schema/errors.js';
import type { Finding } from '../../schema/finding.js';
import type { CheckMeta } from '../checks/check.js';
import { finding } from '../checks/check.js';

export const meta = {
  code: 'plan-schema',
  title: { zh: '计划文件无效', en: 'Invalid plan file' },
  description: {
    zh: '计划文件不是有效的 YAML、不符合计划的 JSON Schema、编号重复，或继承的计划无法加载；cscheck 不能使用它',
    en: 'the plan file is not valid YAML, does not match the plan JSON Schema, repeats an id, or extends a plan that cannot be loaded: cscheck cannot use it',
  },
  severity: 'error',
  messages: ['plan.yaml', 'plan.schema', 'plan.duplicate-id', 'plan.not-found'],
} as const satisfies CheckMeta;

/** The loader's error as a finding; `file` is used when the error itself names no file. */
export function schemaFinding(err: CscheckError, file: string, fallback: { line?: number; col?: number; planPath?: string } = {}): Finding {
  const location = err.location.file ? err.location : { file, ...fallback };
  return finding(meta, { location, messageId: err.messageId, args: err.args });
}
