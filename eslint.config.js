// Layer rules (ARCHITECTURE.md "One core, three front doors"):
// - src/ is plain Node: never electron, React, main/ or renderer/.
// - renderer/ is a browser bundle: never Node built-ins, and from src/ only the API contract's types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { deskPlugin } from './scripts/eslint/layers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // The launcher runs on any Node (it re-execs under Node 22), so it stays CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/ must run without Electron (ARCHITECTURE.md).' },
            { name: 'react', message: 'src/ must run without React.' },
            { name: 'react-dom', message: 'src/ must run without React.' },
          ],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '@mui/*', 'react-dom/*'],
              message: 'src/ may not import the shells.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { desk: deskPlugin },
    rules: { 'desk/service-imports': 'error', 'desk/layer-imports': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a browser sandbox.' })),
            { name: 'electron', message: 'renderer/ sees only window.desk.' },
          ],
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!api/contract)',
              message: 'renderer/ may import only the API contract (types) from src/.',
            },
          ],
        },
      ],
      // ...and from the contract, types only: its zod schemas stay on the core's side.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/api/contract',
              allowTypeImports: true,
              message: 'renderer/ imports the API contract with `import type` only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'react', message: 'main/ is the Electron shell.' }] },
      ],
    },
  },
);
