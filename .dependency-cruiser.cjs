// @ts-check
/**
 * Module boundaries, checked by `npm run lint:deps` (part of `npm run lint`).
 *
 * Every rule is written against the folder layout, never against a library's name
 * (except report-parser and repeat-findings, whose purity is the point): `libs/<name>/` is a library whose only
 * public face is `@app/<name>` (libs/<name>/src/index.ts), `apps/<name>/` is an app and
 * `config/` is the typed configuration. Renaming, splitting or adding a library needs no edit
 * here. Cycles between libraries as a whole (not just between files) are found by
 * scripts/check-lib-cycles.mjs, which reuses this file's options.
 */

/** A library's root folder; group 1 is its name. */
const LIB = '^libs/([^/]+)/';
/** The one public entry of any library. */
const LIB_INDEX = '^libs/[^/]+/src/index\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-outside-apps',
      comment:
        'Apps sit on top: a library or config/ that imports from apps/ turns the layering upside ' +
        'down (and drags an app into every other app that uses the library).',
      severity: 'error',
      from: { path: '^(libs|config)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-deep-lib-imports',
      comment:
        "A library may use another only through its index, `@app/<name>`: '@app/<name>/...' " +
        "or a path into the other library's folder reaches internals it may change at will.",
      severity: 'error',
      from: { path: LIB },
      to: { path: '^libs/[^/]+/', pathNot: ['^libs/$1/', LIB_INDEX] },
    },
    {
      name: 'no-relative-imports-between-libs',
      comment:
        "Even to another library's index, go through the `@app/<name>` alias: a relative path " +
        'ties the two folders together and breaks when either moves.',
      severity: 'error',
      from: { path: LIB },
      to: { path: '^libs/[^/]+/', pathNot: '^libs/$1/', dependencyTypesNot: ['aliased'] },
    },
    {
      name: 'no-cycles-between-libs',
      comment:
        'Files of different libraries that import each other in a loop. The library-level ' +
        'check (any A -> B -> A, whichever files) is scripts/check-lib-cycles.mjs.',
      severity: 'error',
      from: { path: LIB },
      to: { circular: true, via: { path: '^libs/' }, pathNot: '^libs/$1/' },
    },
    {
      name: 'report-parser-stays-pure',
      comment:
        'libs/report-parser is plain TypeScript, runnable from a worker thread, the CLI, the ' +
        'bench and tests without Nest, a database, a queue or any other part of the project.',
      severity: 'error',
      from: { path: '^libs/report-parser/' },
      to: {
        path: [
          '^(apps|config)/',
          '^libs/(?!report-parser/)',
          '(^|/)node_modules/(@nestjs|typeorm|pg|bullmq|ioredis|@bull-board)(/|$)',
        ],
      },
    },
    {
      name: 'repeat-findings-stays-pure',
      comment:
        'libs/repeat-findings is the matcher alone, plain TypeScript, so it is unit-tested and ' +
        'benched without Nest or a database; storing and deciding links is @app/inspections.',
      severity: 'error',
      from: { path: '^libs/repeat-findings/' },
      to: {
        path: [
          '^(apps|config)/',
          '^libs/(?!repeat-findings/)',
          '(^|/)node_modules/(@nestjs|typeorm|pg|bullmq|ioredis|@bull-board)(/|$)',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
