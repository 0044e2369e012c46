// Typed documents from the committed SDL: every `graphql(...)` call under src/ gets its result and
// variables types, and the app's cache learns the unions and interfaces from a minified
// introspection of the same SDL. Run on install and before each build and test.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { Date: 'string', DateTime: 'string', File: 'File' },
        avoidOptionals: false,
      },
    },
    // A dashboard developer's documents (README, API: a dashboard on the API), typed the same way;
    // `tsc` then checks examples/dashboard/dashboard.ts against them.
    './examples/dashboard/gql/': {
      documents: ['examples/dashboard/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { Date: 'string', DateTime: 'string', File: 'File' },
      },
    },
    './src/gql/introspection.ts': {
      plugins: ['urql-introspection'],
      config: { module: 'es2015', useTypeImports: true },
    },
  },
  hooks: { afterAllFileWrite: [] },
};

export default config;
