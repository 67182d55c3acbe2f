// JSON Schema (draft 2020-12) for plan files. Field names inside expressions are checked later by
// the expression compiler, which knows the data contract; this schema checks the shape.

const text = {
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      required: ['zh'],
      additionalProperties: false,
      properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string' } },
    },
  ],
};

const bilingual = {
  type: 'object',
  required: ['zh', 'en'],
  additionalProperties: false,
  properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
};

const source = {
  type: 'object',
  required: ['section', 'quote'],
  additionalProperties: false,
  properties: { section: { type: 'string', minLength: 1 }, quote: { type: 'string', minLength: 1 } },
};

const target = {
  type: 'object',
  required: ['op', 'value'],
  additionalProperties: false,
  properties: {
    op: { enum: ['>=', '>', '<=', '<', '='] },
    value: { type: 'number' },
    text: { type: 'string' },
  },
};

const expr = { type: 'string', minLength: 1 };
const id = { type: 'string', pattern: '^[a-z][a-z0-9_]*$' };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const attribute = { enum: ['约束性', '预期性'] };
const scope = { enum: ['城市', '农村', '城乡', '乡镇'] };

const measure = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { enum: ['coverage', 'ratio', 'count', 'reported'] } },
  discriminator: { propertyName: 'kind' },
  oneOf: [
    {
      properties: { kind: { const: 'coverage' }, where: expr, condition: expr },
      required: ['kind', 'condition'],
      additionalProperties: false,
    },
    {
      properties: {
        kind: { const: 'ratio' },
        where: expr,
        numerator: expr,
        denominator: expr,
        scale: { type: 'number', exclusiveMinimum: 0 },
      },
      required: ['kind', 'numerator', 'denominator', 'scale'],
      additionalProperties: false,
    },
    {
      properties: { kind: { const: 'count' }, where: expr, condition: expr, sum: expr },
      required: ['kind'],
      additionalProperties: false,
    },
    {
      properties: { kind: { const: 'reported' } },
      required: ['kind'],
      additionalProperties: false,
    },
  ],
};

export const planSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://cscheck.dev/schema/plan.json',
  title: 'cscheck plan',
  type: 'object',
  required: ['id', 'name', 'issuer', 'document', 'level', 'region', 'period', 'indicators'],
  additionalProperties: false,
  properties: {
    id,
    extends: id,
    name: bilingual,
    issuer: { type: 'string', minLength: 1 },
    document: { type: 'string', minLength: 1 },
    date,
    level: { enum: ['national', 'province', 'city', 'prefecture', 'county', 'district'] },
    region: { type: 'string', minLength: 1 },
    period: {
      type: 'object',
      required: ['start', 'end'],
      additionalProperties: false,
      properties: { start: { type: 'integer' }, end: { type: 'integer' } },
    },
    implements: {
      type: 'array',
      items: {
        type: 'object',
        required: ['document'],
        additionalProperties: false,
        // region: who issued it (named when the level is skipped); via: the document of another
        // entry through which this one is carried out (a county → its city, not bundled → province).
        properties: { document: { type: 'string' }, plan: id, region: { type: 'string', minLength: 1 }, via: { type: 'string', minLength: 1 } },
      },
    },
    source: {
      type: 'object',
      required: ['file'],
      additionalProperties: false,
      properties: { file: { type: 'string' } },
    },
    units: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          spellings: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
    },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'unit', 'target', 'scope', 'measure', 'source'],
        additionalProperties: false,
        properties: {
          id,
          name: bilingual,
          table_row: { type: 'integer', minimum: 1 },
          unit: { type: 'string', minLength: 1 },
          baseline: {
            type: 'object',
            required: ['value', 'year'],
            additionalProperties: false,
            properties: { value: { type: 'number' }, year: { type: 'integer' }, text: { type: 'string' } },
          },
          target,
          due: date,
          attribute,
          scope,
          measure,
          source,
          // A count over the plan's whole area (全省每年至少完成9000人次): another level's figure is its
          // share, not a restatement, so plan lint does not compare it across plans.
          total: { type: 'boolean' },
          also_stated: {
            type: 'array',
            items: {
              type: 'object',
              required: ['source'],
              additionalProperties: false,
              properties: { source, target },
            },
          },
          note: text,
        },
      },
    },
    requirements: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'scope', 'rule', 'source'],
        additionalProperties: false,
        properties: {
          id,
          name: bilingual,
          scope,
          where: expr,
          rule: expr,
          attribute,
          due: date,
          source,
          note: text,
        },
      },
    },
    tasks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'section', 'content', 'units', 'source'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[0-9A-Za-z._-]+$' },
          no: { type: 'integer', minimum: 1 },
          section: { type: 'string', minLength: 1 },
          project: { type: 'string' },
          content: { type: 'string', minLength: 1 },
          units: { type: 'array', items: { type: 'string', minLength: 1 } },
          units_as_written: { type: 'string' },
          deadline: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          source,
          note: text,
        },
      },
    },
  },
} as const;
