import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'node_modules', 'test-results', 'e2e-artifacts', 'examples'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs without React: hooks and components live in src/react.
    files: ['src/core/**', 'src/server/**', 'src/sandbox/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'src/core must not import React: put React code in src/react.' },
            { name: 'react-dom', message: 'src/core must not import React: put React code in src/react.' },
            { name: '@tanstack/react-query', message: 'src/core must not import React: put React code in src/react.' },
          ],
          patterns: [{ group: ['react/*', 'react-dom/*', '**/react', '**/react/*'], message: 'src/core must not import React or the React layer.' }],
        },
      ],
    },
  },
  {
    // Security bar: server HTML is parsed and rebuilt, never injected.
    files: ['src/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never inject HTML: parse it and rebuild elements.' },
        { property: 'outerHTML', message: 'Never inject HTML: parse it and rebuild elements.' },
        { property: 'insertAdjacentHTML', message: 'Never inject HTML: parse it and rebuild elements.' },
      ],
    },
  },
);
