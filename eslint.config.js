// Type-aware linting of the sources and tests (typescript-eslint's recommended, type-checked rules).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The Node globals the plain scripts (bench/, fixtures/, this file) use; declared by hand rather than adding the `globals` package.
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'setTimeout', 'clearTimeout', 'setImmediate', 'setInterval', 'clearInterval', 'URL', 'structuredClone']
    .map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'bench/data/', 'bench/results/', 'test-output/', 'node_modules/', 'vitest.config.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A leading underscore marks a binding kept on purpose: `{ id: _id, ...rest }` drops a field, `[_, x]` skips one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Passing a caught error on to reject() is rethrowing it, which only-throw-error allows for `unknown` too.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests parse JSON reports and CLI output (`JSON.parse` is `any`) and poke at their fields; typing every
      // report shape in the tests would only restate what the assertions check.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: nodeGlobals },
  },
);
