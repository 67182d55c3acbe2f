// TypeScript view of a plan file. The JSON Schema in plan-schema.ts is the authority; these types
// mirror it so that the compiler and the formatters are checked against the same shape.

export type Text = string | { zh: string; en?: string };

export type Comparison = '>=' | '>' | '<=' | '<' | '=';
export type Attribute = '约束性' | '预期性';
export type Scope = '城市' | '农村' | '城乡' | '乡镇';
export type PlanLevel = 'national' | 'province' | 'city' | 'prefecture' | 'county' | 'district';

export interface Source {
  section: string;
  quote: string;
}

export interface Target {
  op: Comparison;
  value: number;
  /** The target as the document writes it (`≥30平方米`, `力争…100%`). */
  text?: string;
}

export interface AlsoStated {
  source: Source;
  target?: Target;
}

export type Measure =
  | { kind: 'coverage'; where?: string; condition: string }
  | { kind: 'ratio'; where?: string; numerator: string; denominator: string; scale: number }
  | { kind: 'count'; where?: string; condition?: string; sum?: string }
  | { kind: 'reported' };

export interface Indicator {
  id: string;
  name: { zh: string; en: string };
  table_row?: number;
  unit: string;
  baseline?: { value: number; year: number; text?: string };
  target: Target;
  due?: string;
  attribute?: Attribute;
  scope: Scope;
  measure: Measure;
  source: Source;
  /** A count over the plan's whole area, not comparable with another level's. */
  total?: boolean;
  also_stated?: AlsoStated[];
  note?: Text;
}

export interface Requirement {
  id: string;
  name: { zh: string; en: string };
  scope: Scope;
  where?: string;
  rule: string;
  attribute?: Attribute;
  due?: string;
  source: Source;
  note?: Text;
}

export interface Task {
  id: string;
  no?: number;
  section: string;
  project?: string;
  content: string;
  units: string[];
  units_as_written?: string;
  deadline?: string | null;
  source: Source;
  note?: Text;
}

export interface Unit {
  name: string;
  spellings?: string[];
}

export interface Plan {
  id: string;
  extends?: string;
  name: { zh: string; en: string };
  issuer: string;
  document: string;
  date?: string;
  level: PlanLevel;
  region: string;
  period: { start: number; end: number };
  /** The documents it carries out; `via` names another entry's document through which it does so. */
  implements?: { document: string; plan?: string; region?: string; via?: string }[];
  source?: { file: string };
  units?: Unit[];
  indicators: Indicator[];
  requirements?: Requirement[];
  tasks?: Task[];
}

