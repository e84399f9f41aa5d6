import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'bench/.work/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // electron-vite's ESM output declares its own `require` shim in any chunk that calls require(); a
    // module-level `const require = createRequire(…)` then makes the built main a SyntaxError on load.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "VariableDeclarator[id.name='require']",
          message: 'Name it something else (e.g. requireHere): the bundler declares `require` itself.',
        },
      ],
    },
  },
  {
    // core and shared stay free of Electron and React (ARCHITECTURE.md: imports point down only).
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'react', 'react-dom', '**/main/**', '**/renderer/**', '**/cli/**'] },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['electron', '**/main/**', '**/cli/**', 'node:*', 'fs', 'path'] }],
    },
  },
);
