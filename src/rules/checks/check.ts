// Every finding code has a module-level description, as ESLint rules have `meta`: what it checks,
// its default severity and the messages it uses. Formatters (SARIF rules, docs) read this list.

import type { Severity } from '../../schema/finding.js';
import type { MessageId } from '../../schema/messages.js';

export interface CheckMeta {
  code: string;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  /** Default severity; plan items can raise it (约束性 → error). */
  severity: Severity;
  messages: MessageId[];
}
