// Plan files: expressions nested or chained past any sane depth, identifiers that name Object's
// prototype, YAML alias bombs and deep nesting, and plan paths that are not files.

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Case } from './common.js';
import { LIMIT, SURVEY, planYaml, put } from './common.js';

/**
 * `plans lint PLAN` and `evaluate SURVEY --plan PLAN` for one condition expression. Where evaluate
 * stops with exit 2, lint reports the same problem as a finding of the plan (exit 1), as it does a
 * YAML syntax error: its output is the list of what is wrong with the plan.
 */
function expressionCases(label: string, condition: string, code: number | number[] = 2, stderr: RegExp = /\.yaml:\d+:\d+/): Case[] {
  const codes = Array.isArray(code) ? code : [code];
  return [
    {
      name: `expression ${label}: plans lint`,
      make: (dir) => ({ args: ['plans', 'lint', put(dir, 'plan.yaml', planYaml(condition))] }),
      expect: { code: codes.map((c) => (c === 2 ? 1 : c)), ...(codes.includes(2) ? { stdout: stderr } : {}), ms: 10_000 },
    },
    {
      name: `expression ${label}: evaluate`,
      make: (dir) => ({ args: ['evaluate', put(dir, 's.csv', SURVEY), '--plan', put(dir, 'plan.yaml', planYaml(condition))], names: [path.join(dir, 'plan.yaml')] }),
      expect: { code, stderr, ms: 10_000 },
    },
  ];
}

const PROTO_NAMES = ['toString', 'valueOf', '__proto__', 'constructor', 'hasOwnProperty'];

/** A plan document nested `depth` flow sequences deep. */
const nestedFlow = (depth: number) => `${planYaml('has_service_facility')}extra: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;

export const planCases: Case[] = [
  ...expressionCases('control, 10 nested parentheses', `${'('.repeat(10)}has_service_facility${')'.repeat(10)}`, 0, /^$/),
  // The issue allows either: iterate, or refuse past a documented depth at file:line:col.
  ...expressionCases('of 2,000 nested parentheses', `${'('.repeat(2000)}has_service_facility${')'.repeat(2000)}`, [0, 2]),
  ...expressionCases('of 4,000 chained and', Array(4000).fill('has_service_facility').join(' and ')),
  ...expressionCases('of 150 chained and (under the length limit)', Array(150).fill('has_service_facility').join(' and '), [0, 2], /.*/),
  ...expressionCases('of 3,000 nested not', `${'not '.repeat(3000)}has_service_facility`, [0, 2]),
  ...expressionCases('of 3,000 unary minus', `households > ${'- '.repeat(3000)}1`, [0, 2]),
  ...expressionCases('an identifier of 10,000 characters', 'h'.repeat(10_000)),
  ...PROTO_NAMES.map(
    (name): Case => ({
      name: `expression identifier ${name} is an unknown field (evaluate)`,
      make: (dir) => ({ args: ['evaluate', put(dir, 's.csv', SURVEY), '--plan', put(dir, 'plan.yaml', planYaml(name))], names: [path.join(dir, 'plan.yaml'), name] }),
      expect: { code: 2, notStderr: /native code|\[object/ },
    }),
  ),
  ...['toString', 'valueOf', 'constructor'].map(
    (name): Case => ({
      name: `expression identifier ${name} in a comparison is an unknown field (plans lint)`,
      make: (dir) => ({ args: ['plans', 'lint', put(dir, 'plan.yaml', planYaml(`${name} > 0`))] }),
      expect: { code: [1, 2], notStdout: /native code|\[object/, notStderr: /native code|\[object/ },
      check: (o) => {
        if (!`${o.stdout}${o.stderr}`.includes(name)) throw new Error(`${name} is not named`);
      },
    }),
  ),
  {
    name: 'YAML alias bomb (billion laughs) in a plan',
    make: (dir) => {
      const lines = ['a0: &a0 [x,x,x,x,x,x,x,x,x,x]'];
      for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
      return { args: ['plans', 'lint', put(dir, 'bomb.yaml', `${lines.join('\n')}\n${planYaml('has_service_facility')}`)] };
    },
    // lint reports a plan it cannot load as a finding (exit 1) or stops (exit 2); either, quickly.
    expect: { code: [1, 2], ms: 10_000, stderrFree: true },
  },
  {
    name: 'YAML alias bomb through evaluate --plan',
    make: (dir) => {
      const lines = ['a0: &a0 [x,x,x,x,x,x,x,x,x,x]'];
      for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
      const plan = put(dir, 'bomb.yaml', `${lines.join('\n')}\n${planYaml('has_service_facility')}`);
      return { args: ['evaluate', put(dir, 's.csv', SURVEY), '--plan', plan], names: [plan] };
    },
    expect: { code: 2, ms: 10_000 },
  },
  { name: 'YAML flow sequences nested 100,000 deep', make: (dir) => ({ args: ['plans', 'lint', put(dir, 'deep.yaml', nestedFlow(100_000))] }), expect: { code: [1, 2], ms: 10_000, stderrFree: true } },
  {
    name: 'YAML flow sequences nested 100,000 deep through evaluate --plan',
    make: (dir) => ({ args: ['evaluate', put(dir, 's.csv', SURVEY), '--plan', put(dir, 'deep.yaml', nestedFlow(100_000))], names: [path.join(dir, 'deep.yaml')] }),
    expect: { code: 2, ms: 10_000 },
  },
  {
    name: 'YAML block mappings nested 5,000 deep',
    make: (dir) => ({ args: ['plans', 'lint', put(dir, 'deep-block.yaml', planYaml('has_service_facility') + 'extra:\n' + Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n') + ' 1\n')] }),
    expect: { code: [1, 2], ms: 10_000, stderrFree: true },
  },
  { name: 'a plan file of 5 MB (over planBytes)', make: (dir) => ({ args: ['plans', 'lint', put(dir, 'huge.yaml', planYaml('has_service_facility') + `# ${'x'.repeat(5 * 1024 * 1024)}\n`)] }), expect: { code: 1, stdout: LIMIT, ms: 10_000 } },
  { name: 'a plan file of 5 MB (over planBytes), evaluate', make: (dir) => ({ args: ['evaluate', put(dir, 's.csv', SURVEY), '--plan', put(dir, 'huge.yaml', planYaml('has_service_facility') + `# ${'x'.repeat(5 * 1024 * 1024)}\n`)], names: [path.join(dir, 'huge.yaml')] }), expect: { code: 2, stderr: LIMIT, ms: 10_000 } },
  { name: '--plan /dev/zero', make: (dir) => ({ args: ['evaluate', put(dir, 's.csv', SURVEY), '--plan', '/dev/zero'], names: ['/dev/zero'] }), expect: { code: 2, ms: 10_000 } },
  { name: 'plans lint /dev/zero', make: () => ({ args: ['plans', 'lint', '/dev/zero'], names: ['/dev/zero'] }), expect: { code: 1, stdout: LIMIT, ms: 10_000 } },
  {
    name: '--plan naming a directory',
    make: (dir) => {
      mkdirSync(path.join(dir, 'plan.yaml'));
      return { args: ['evaluate', put(dir, 's.csv', SURVEY), '--plan', path.join(dir, 'plan.yaml')], names: [path.join(dir, 'plan.yaml')] };
    },
    expect: { code: 2 },
  },
  {
    name: 'a !!js/function tag in a plan runs nothing',
    make: (dir) => ({
      args: ['plans', 'lint', put(dir, 'js.yaml', planYaml('has_service_facility').replace('issuer: 测试区人民政府办公室', `issuer: !!js/function "function () { require('fs').writeFileSync('${path.join(dir, 'PWNED')}', 'x') }"`))],
    }),
    expect: { code: [0, 1, 2] },
    check: (_o, dir) => {
      if (existsSync(path.join(dir, 'PWNED')) || readdirSync(dir).includes('PWNED')) throw new Error('the plan ran code');
    },
  },
];
