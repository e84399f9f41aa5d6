import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

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
    // The layers of src/ (docs/ARCHITECTURE.md), bottom to top; imports run downwards only:
    //   core/model  pure, browser-safe model code: zod schemas, conditions, validators, page choice …
    //   i18n        the message catalogs and their formatting
    //   core        Node services: project store, pdf, images, bind, export, jobs (everything in core but model)
    //   shared      the IPC contract (schemas from the model)
    //   main, cli, preload, renderer: the adapters
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/core/model',
              from: [
                './src/core',
                './src/i18n',
                './src/shared',
                './src/main',
                './src/cli',
                './src/preload',
                './src/renderer',
              ],
              except: ['./model'],
              message: 'core/model is the bottom layer: it imports only zod and other model files.',
            },
            {
              target: './src/i18n',
              from: ['./src/core', './src/shared', './src/main', './src/cli', './src/preload', './src/renderer'],
              except: ['./model'],
              message: 'The catalogs sit just above the model: they may import model code only.',
            },
            {
              target: './src/core',
              from: ['./src/shared', './src/main', './src/cli', './src/preload', './src/renderer'],
              message: 'core is below the IPC contract and the adapters.',
            },
            {
              target: './src/shared',
              from: ['./src/core', './src/main', './src/cli', './src/preload', './src/renderer'],
              except: ['./model'],
              message: 'The IPC contract is built from model schemas only, never from services or adapters.',
            },
            {
              target: './src/renderer',
              from: ['./src/core', './src/main', './src/cli', './src/preload'],
              except: ['./model'],
              message: 'The renderer runs in the browser: it may use core/model, the contract and the catalogs only.',
            },
            {
              target: './src/preload',
              from: ['./src/core', './src/i18n', './src/main', './src/cli', './src/renderer'],
              message: 'The sandboxed preload imports only the channel list from src/shared.',
            },
            { target: './src/cli', from: ['./src/main', './src/renderer', './src/preload'] },
            { target: './src/main', from: ['./src/cli', './src/renderer'] },
          ],
        },
      ],
    },
  },
  {
    // The model runs in the browser and in Node alike: zod and nothing else from outside.
    files: ['src/core/model/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?!zod$|\\.).*', message: 'Model code and catalogs import only zod and each other.' }],
        },
      ],
    },
  },
  {
    // Services stay free of Electron and React.
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['src/core/model/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['electron', 'react', 'react-dom'] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', 'fs', 'path'] }],
    },
  },
);
