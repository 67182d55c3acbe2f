// The Code Climate formatter (GitLab code quality): a JSON array of issues with the fields GitLab
// requires, severities mapped, and fingerprints that are unique and the same in every run.

import { beforeAll, describe, expect, it } from 'vitest';
import { CODECLIMATE_SEVERITY, codeclimate } from '../../src/report/formats/codeclimate.js';
import type { FindingList } from '../../src/report/formats/finding-list.js';
import { PLAN_REL, XLSX_REL, count, ctx, lintList, oddList, surveyList } from './support.js';

let survey: FindingList;
let issues: any[];

beforeAll(async () => {
  survey = await surveyList();
  issues = JSON.parse(codeclimate(survey, ctx()));
});

describe('codeclimate: the Luojiang survey against quanzhou', () => {
  it('an issue per finding with description, check_name, fingerprint, severity, path and line', () => {
    expect(Array.isArray(issues)).toBe(true);
    expect(issues).toHaveLength(survey.findings.length);
    for (const issue of issues) {
      expect(issue.type).toBe('issue');
      expect(typeof issue.description).toBe('string');
      expect(issue.description.length).toBeGreaterThan(0);
      expect(typeof issue.check_name).toBe('string');
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(['blocker', 'critical', 'major', 'minor', 'info']).toContain(issue.severity);
      expect([XLSX_REL, PLAN_REL]).toContain(issue.location.path);
      expect(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1).toBe(true);
    }
    expect(issues.map((i) => i.check_name)).toEqual(survey.findings.map((f) => f.code));
  });

  it('severity: error → major, warning → minor, info → info', () => {
    expect(CODECLIMATE_SEVERITY).toEqual({ error: 'major', warning: 'minor', info: 'info' });
    expect(count(issues, (i) => i.severity === 'major')).toBe(5);
    expect(count(issues, (i) => i.severity === 'minor')).toBe(count(survey.findings, (f) => f.severity === 'warning'));
    expect(count(issues, (i) => i.severity === 'info')).toBe(count(survey.findings, (f) => f.severity === 'info'));
    const k53 = issues.find((i) => i.description.startsWith('村（社区）!K53'));
    expect(k53).toMatchObject({ check_name: 'cell-type', severity: 'major', location: { path: XLSX_REL, lines: { begin: 53 } } });
    const miss = issues.find((i) => i.check_name === 'indicator-not-met' && i.severity === 'major');
    expect(miss.location).toEqual({ path: PLAN_REL, lines: { begin: 142 } });
  });

  it('fingerprints: unique, and the same across two runs and both languages', async () => {
    const prints = issues.map((i) => i.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    const again = JSON.parse(codeclimate(await surveyList(), ctx()));
    expect(again.map((i: any) => i.fingerprint)).toEqual(prints);
    const en = JSON.parse(codeclimate(survey, ctx('en')));
    expect(en.map((i: any) => i.fingerprint)).toEqual(prints);
    expect(en[0].description).not.toEqual(issues[0].description);
  });
});

describe('codeclimate: plans lint and findings without a place', () => {
  it('plans lint: unique fingerprints, paths and lines of the plan files', () => {
    const list = lintList();
    const lint = JSON.parse(codeclimate(list, ctx()));
    expect(lint).toHaveLength(list.findings.length);
    expect(new Set(lint.map((i: any) => i.fingerprint)).size).toBe(lint.length);
    expect(count(lint, (i: any) => i.severity === 'major')).toBe(10);
    expect(lint.every((i: any) => /^plans\/\w+\.yaml$/.test(i.location.path))).toBe(true);
  });

  it('two findings at the same place get different fingerprints; one without a file still has a path and line', () => {
    const one = oddList('x', { file: 'a.csv', row: 2 });
    const twice = JSON.parse(codeclimate({ ...one, findings: [one.findings[0], { ...one.findings[0] }] }, ctx()));
    expect(twice[0].fingerprint).not.toBe(twice[1].fingerprint);
    const nowhere = JSON.parse(codeclimate(oddList('x', {}), ctx()))[0];
    expect(nowhere.location).toEqual({ path: '.', lines: { begin: 1 } });
  });
});
