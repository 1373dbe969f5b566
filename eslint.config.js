// Lint config: recommended JS + typescript-eslint rules, plus the layer boundaries from STYLE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (message, patterns) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', 'test-output/**', 'fixtures/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  // Later entries replace this rule for their folders, so they repeat 'pg'.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/store/db.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'pg', message: 'only src/store/db.ts imports pg' }] }] },
  },
  {
    files: ['src/extract/**/*.ts'],
    rules: restrict('extract is pure: it imports no I/O and nothing of ours outside src/extract', [
      '../crawlers/*', '../store/*', '../workers/*', '../web/*', '../alerts/*', '../backfill/*',
      '../../crawlers/*', '../../store/*', '../../workers/*', '../../web/*',
      'pg', 'bullmq', 'ioredis', 'undici', 'node:fs', 'node:net', 'node:http', 'fs', 'http',
    ]),
  },
  {
    files: ['src/crawlers/**/*.ts'],
    rules: restrict('crawlers know HTTP and HTML, not the database or the queue', [
      '../store/*', '../../store/*', '../workers/*', '../../workers/*', 'pg', 'bullmq',
    ]),
  },
);
