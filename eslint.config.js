// Lint for TypeScript strict code, React hooks, and the import directions of architecture.md:
// renderer → shared; electron/core → db, keys, shared; electron/main → core, shared; preload → shared;
// server → keys, shared; db → shared; keys (Node cryptography for core and server) → shared;
// shared → nothing of ours. Only main and preload touch 'electron',
// and shared (which also runs in the browser) uses no Node built-ins.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

const LAYERS = [
  { type: 'shared', pattern: 'shared' },
  { type: 'keys', pattern: 'keys' },
  { type: 'db', pattern: 'db' },
  { type: 'core', pattern: 'electron/core' },
  { type: 'main', pattern: 'electron/main' },
  { type: 'preload', pattern: 'electron/preload' },
  { type: 'renderer', pattern: 'renderer' },
  { type: 'server', pattern: 'server' },
];
const MAY_IMPORT = {
  shared: [],
  keys: ['shared'],
  db: ['shared'],
  core: ['db', 'keys', 'shared'],
  main: ['core', 'shared'],
  preload: ['shared'],
  renderer: ['shared'],
  server: ['keys', 'shared'],
};
const to = (types) => ({ to: { element: { types: { anyOf: types } } } });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  {
    // electron-builder loads its hooks with require().
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['shared/**/*.ts', 'keys/**/*.ts', 'db/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS.map((l) => ({ ...l})),
      'import/resolver': { typescript: { project: ['tsconfig.json', 'renderer/tsconfig.json'], noWarnOnMultipleProjects: true }, node: true },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkAllOrigins: true,
          policies: [
            ...Object.entries(MAY_IMPORT).map(([type, allowed]) => ({
              from: { element: { type } },
              disallow: to(LAYERS.map((l) => l.type).filter((t) => t !== type && !allowed.includes(t))),
            })),
            {
              from: { element: { types: { anyOf: ['shared', 'db', 'core', 'renderer', 'server'] } } },
              disallow: { to: { module: { source: 'electron' } } },
            },
            { from: { element: { type: 'shared' } }, disallow: { to: { module: { origin: 'core' } } } },
          ],
        },
      ],
      'boundaries/no-unknown': 'off',
    },
  },
);
