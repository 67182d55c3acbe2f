import { describe, expect, it } from 'vitest';
import { COMMUNITY_FIELDS } from '../../src/schema/contract.js';
import { CscheckError } from '../../src/schema/errors.js';
import type { Value } from '../../src/io/values.js';
import { compileExpression } from '../../src/rules/expression.js';

function row(v: Record<string, Value>): Value[] {
  return COMMUNITY_FIELDS.map((f) => (f.id in v ? v[f.id] : null));
}
const evaluate = (src: string, v: Record<string, Value>) => compileExpression(src, COMMUNITY_FIELDS).fn(row(v));
const error = (src: string) => {
  try {
    compileExpression(src, COMMUNITY_FIELDS, { planPath: 'indicators.0.measure.condition' });
  } catch (e) {
    return e as CscheckError;
  }
  throw new Error(`“${src}” compiled`);
};

describe('plan expressions', () => {
  it('compares fields with numbers and with each other', () => {
    expect(evaluate('disaster_info_officers >= 1', { disaster_info_officers: 1 })).toBe(true);
    expect(evaluate('disaster_info_officers >= 1', { disaster_info_officers: 0 })).toBe(false);
    expect(evaluate('grid_workers >= grids', { grid_workers: 9, grids: 10 })).toBe(false);
    expect(evaluate('activity_area <= facility_area * 0.9', { activity_area: 90, facility_area: 100 })).toBe(true);
    expect(evaluate('(registered_volunteers - volunteers_with_hours) / registered_volunteers < 0.5', { registered_volunteers: 10, volunteers_with_hours: 6 })).toBe(true);
  });

  it('reads kind == 农村 with a bare word, and normalises other spellings of the kind', () => {
    expect(evaluate('kind == 农村 and has_service_facility', { kind: '农村', has_service_facility: true })).toBe(true);
    expect(evaluate('kind == 农村 and has_service_facility', { kind: '城市', has_service_facility: true })).toBe(false);
    expect(evaluate('kind == 村委会', { kind: '农村' })).toBe(true);
    expect(evaluate("kind != '城市'", { kind: '农村' })).toBe(true);
  });

  it('uses three-valued logic: missing is unknown, not false', () => {
    expect(evaluate('has_parent_school', {})).toBeNull();
    expect(evaluate('not has_parent_school', {})).toBeNull();
    expect(evaluate('legal_literates >= 3', {})).toBeNull();
    expect(evaluate('has_parent_school and has_police_office', { has_police_office: false })).toBe(false);
    expect(evaluate('has_parent_school and has_police_office', { has_police_office: true })).toBeNull();
    expect(evaluate('has_parent_school or has_police_office', { has_police_office: true })).toBe(true);
    expect(evaluate('has_parent_school || has_police_office', { has_police_office: false })).toBeNull();
    expect(evaluate('households / population', { households: 5, population: 0 })).toBeNull();
  });

  it('names an unknown field, and never treats file content as code', () => {
    for (const src of ['has_swimming_pool', '__proto__ == 1', 'constructor', 'process.exit(1)', 'this.x']) {
      const e = error(src);
      expect(e).toBeInstanceOf(CscheckError);
      expect(['plan.unknown-field', 'plan.expression']).toContain(e.messageId);
      expect(e.location.planPath).toBe('indicators.0.measure.condition');
    }
    expect(error('has_swimming_pool').args.name).toBe('has_swimming_pool');
  });

  it('rejects malformed and ill-typed expressions with the place of the fault', () => {
    expect((error('households >=').args.detail as { en: string }).en).toMatch(/ends too early/);
    expect((error('(households > 1').args.detail as { en: string }).en).toMatch(/\)/);
    expect((error('households > 1 1').args.detail as { en: string }).en).toMatch(/unexpected/);
    expect((error('households $ 2').args.detail as { en: string }).en).toMatch(/unexpected character/);
    expect((error('households and has_parent_school').args.detail as { en: string }).en).toMatch(/yes\/no/);
    expect((error('kind > 1').args.detail as { en: string }).en).toMatch(/compare/);
    expect((error('kind == 郊区').args.detail as { en: string }).en).toMatch(/城市 or 农村/);
  });

  it('reports the fields an expression reads', () => {
    expect(compileExpression('grid_workers >= grids and has_police_office', COMMUNITY_FIELDS).fields).toEqual(['grid_workers', 'grids', 'has_police_office']);
  });
});
