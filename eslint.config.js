import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.doorstep/**', 'coverage/**', '**/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        document: 'readonly',
        window: 'readonly',
        customElements: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
        Event: 'readonly',
        CustomEvent: 'readonly',
        HTMLElement: 'readonly',
        URLSearchParams: 'readonly',
        location: 'readonly',
        history: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Logs go through the structured logger, which takes safe fields only.
      'no-console': 'error',
    },
  },
  {
    // Command-line tools and tests talk to a person or the test runner.
    files: ['scripts/**', '**/scripts/**', '**/*.test.ts', 'e2e/**', '**/*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
