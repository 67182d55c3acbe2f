import { describe, expect, it } from 'vitest';
import { COMMUNITY_FIELDS } from '../../src/schema/contract.js';
import { CscheckError } from '../../src/schema/errors.js';
import type { Value } from '../../src/io/values.js';
import { compileExpression, parseExpression, printExpression } from '../../src/rules/expression.js';
import { LIMIT_SPECS } from '../../src/schema/limits.js';

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

  it('reads the names of Object.prototype as unknown fields, never as the prototype’s functions', () => {
    for (const name of ['toString', 'valueOf', 'constructor', '__proto__', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString']) {
      for (const src of [name, `${name} and has_parent_school`, `has_parent_school or ${name}`, `not ${name}`, `${name} >= 1`]) {
        const e = error(src);
        expect(e.messageId, src).toBe('plan.unknown-field');
        expect(e.args.name).toBe(name);
      }
    }
  });

  it('evaluates chains of three and more operands in three-valued logic', () => {
    const three = 'has_parent_school and has_police_office and has_legal_adviser';
    expect(evaluate(three, { has_parent_school: true, has_police_office: true, has_legal_adviser: true })).toBe(true);
    expect(evaluate(three, { has_parent_school: null, has_police_office: true, has_legal_adviser: false })).toBe(false);
    expect(evaluate(three, { has_parent_school: null, has_police_office: true, has_legal_adviser: true })).toBeNull();
    const any = 'has_parent_school or has_police_office or has_legal_adviser';
    expect(evaluate(any, { has_parent_school: false, has_police_office: false, has_legal_adviser: false })).toBe(false);
    expect(evaluate(any, { has_parent_school: null, has_police_office: false, has_legal_adviser: true })).toBe(true);
    expect(evaluate(any, { has_parent_school: null, has_police_office: false, has_legal_adviser: false })).toBeNull();
    // Mixed levels: and binds tighter than or.
    expect(evaluate('has_parent_school or has_police_office and has_legal_adviser', { has_parent_school: true, has_police_office: false, has_legal_adviser: false })).toBe(true);
  });

  it('evaluates arithmetic chains left to right; a missing value, a division by zero or an overflow is unknown', () => {
    // 10 - 4 - 3 = 3 (not 10 - (4 - 3) = 9); 24 / 4 / 2 = 3 (not 12); 2 + 3 * 4 = 14.
    expect(evaluate('grids - grid_workers - community_workers', { grids: 10, grid_workers: 4, community_workers: 3 })).toBe(3);
    expect(evaluate('grids / grid_workers / community_workers', { grids: 24, grid_workers: 4, community_workers: 2 })).toBe(3);
    expect(evaluate('grids + grid_workers * community_workers', { grids: 2, grid_workers: 3, community_workers: 4 })).toBe(14);
    expect(evaluate('grids + grid_workers + community_workers', { grids: 2, grid_workers: null, community_workers: 4 })).toBeNull();
    expect(evaluate('grids / grid_workers * community_workers', { grids: 2, grid_workers: 0, community_workers: 4 })).toBeNull();
    expect(evaluate('facility_area * activity_area * total_building_area', { facility_area: 1e200, activity_area: 1e200, total_building_area: 1 })).toBeNull();
    expect(evaluate('facility_area * activity_area', { facility_area: 1e200, activity_area: 1e200 })).toBeNull();
  });

  it('reports the first fault of a chain at its operator, as before chains were one node', () => {
    // Operands are built before the operator between them is checked: the unknown name comes first.
    const e = error('has_parent_school and has_x_y and households');
    expect(e.messageId).toBe('plan.unknown-field');
    const typed = error('has_parent_school and has_police_office and households and has_x_y');
    expect((typed.args.detail as { en: string }).en).toBe('“and” needs yes/no values (at 41)');
    expect((error('households and has_parent_school').args.detail as { en: string }).en).toBe('“and” needs yes/no values (at 12)');
    expect((error('grids + grids - has_parent_school').args.detail as { en: string }).en).toBe('“-” needs numbers (at 15)');
  });

  it('refuses nesting deeper than the limit at the character that goes too deep', () => {
    const max = LIMIT_SPECS.expressionDepth.value;
    expect(evaluate(`${'('.repeat(max)}has_parent_school${')'.repeat(max)}`, { has_parent_school: true })).toBe(true);
    expect(evaluate(`${'not '.repeat(max)}has_parent_school`, { has_parent_school: true })).toBe(max % 2 === 0);
    expect(evaluate(`${'-'.repeat(max)}grids`, { grids: 5 })).toBe(max % 2 === 0 ? 5 : -5);
    const e = error(`${'('.repeat(max + 1)}has_parent_school${')'.repeat(max + 1)}`);
    expect(e.messageId).toBe('plan.too-deep');
    expect(e.args).toEqual({ max, at: max + 1 });
    expect(e.location.planPath).toBe('indicators.0.measure.condition');
    // `not ` is four characters: the (max + 1)th starts at 4 max + 1.
    expect(error(`${'not '.repeat(max + 1)}has_parent_school`).args).toEqual({ max, at: 4 * max + 1 });
    expect(error(`${'-'.repeat(max + 1)}grids > 1`).args).toEqual({ max, at: max + 1 });
  });

  it('refuses an expression longer than the limit, and reads one of exactly the limit', () => {
    const max = LIMIT_SPECS.expressionChars.value;
    const atMax = `grids >= ${'1'.repeat(max - 'grids >= '.length)}`;
    expect(atMax).toHaveLength(max);
    expect(compileExpression(atMax, COMMUNITY_FIELDS).type).toBe('boolean');
    const e = error(`${atMax} `);
    expect(e.messageId).toBe('input.limit');
    expect(e.args.env).toBe('CSCHECK_MAX_EXPRESSION_CHARS');
    expect(e.location.planPath).toBe('indicators.0.measure.condition');
  });

  it('parses a long chain into one node, and prints trees back with the parentheses they need', () => {
    const chain = parseExpression(Array(1000).fill('x').join('&&'));
    expect(chain).toMatchObject({ t: 'chain' });
    expect((chain as { args: unknown[] }).args).toHaveLength(1000);
    const cases: [string, string][] = [
      ['a and b and c', 'a and b and c'],
      ['a && (b || c)', 'a and (b or c)'],
      ['(a and b) and c', '(a and b) and c'],
      ['a - (b - c)', 'a - (b - c)'],
      ['(a - b) - c', '(a - b) - c'],
      ['a - b - c', 'a - b - c'],
      ['-(a * b) / 2', '-(a * b) / 2'],
      ['not (x == 1) or not y', 'not x == 1 or not y'],
      ["k = '城市'", 'k == "城市"'],
      ['s == \'say "hi"\'', 's == \'say "hi"\''],
      ['(((x)))', 'x'],
      ['- -1 + 2.5', '--1 + 2.5'],
    ];
    for (const [src, printed] of cases) expect(printExpression(parseExpression(src)), src).toBe(printed);
  });
});
