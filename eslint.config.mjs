// ESLint for the TypeScript sources: typescript-eslint's type-checked recommendations, plus the checks a
// language server most needs (a dropped promise is a lost error; a new union member must reach every
// switch). `npm run lint` runs it, and `npm test` runs that before mocha.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  // Rule fixtures, examples and corpora are data the rules read (deliberately unsafe), not project code.
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', '.vscode-test/**', 'rules/**', 'examples/**', 'test/fixtures/**', 'test/corpus/**'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Removing control characters is the job of the code that matches them (terminal output, tar
      // names, credentials, strict JSON): for this code base the rule only ever reports intent.
      'no-control-regex': 'off',
      // tsc's noUnusedLocals/noUnusedParameters already check this, with the `_` convention.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  // Our own regexes run on V8's backtracking engine (pack regexes run on re2js): one that backtracks
  // super-linearly lets a single crafted file stall a scan or the editor. Only the ReDoS checks are on; the
  // plugin's style rules are not. no-super-linear-move also catches a run V8 re-reads from each of its characters
  // (`/[ \t]+$/` on 50,000 spaces then `x`: ~4 s): such trims and scans are written as loops (engine/trim.ts).
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'test/support/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-misleading-capturing-group': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  // The VS Code client speaks to the server through the protocol types (server/src/protocol/) and may use
  // the pure engine; it never reaches into the server's LSP handlers, CLI or file-system code.
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/src/lsp/**', '**/server/src/lsp', '**/server/src/cli/**', '**/server/src/node/**', '**/server/src/server'],
              message: 'The client shares only server/src/protocol/ (and the pure engine) with the server.',
            },
          ],
        },
      ],
    },
  },
);
