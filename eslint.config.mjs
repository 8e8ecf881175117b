// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Same as .gitignore: local scratch (tmp/) and demo logs (.demo/) are not project code.
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'node_modules/**',
      'tmp/**',
      '.demo/**',
      'eslint.config.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through the typed config in config/, not process.env.',
        },
      ],
    },
  },
  {
    // The config layer is the one place that reads the environment.
    files: [
      'config/**/*.ts',
      'scripts/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      '**/*.spec.ts',
      'jest.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The parser is pure TypeScript: no framework or database code may creep in.
    files: ['libs/report-parser/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', '@app/*'] },
      ],
    },
  },
  {
    // Plain-JavaScript tooling (the dependency-cruiser config and its cycle check) is in no
    // tsconfig, so it gets the untyped rules only.
    files: ['**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
