// Which way the imports may point (`npm run deps`, part of `npm test`). Type-only imports count too
// (tsPreCompilationDeps): a type cycle is a design cycle, and it turns into a load cycle the day a value
// follows the type. api/test/dependency-rules.test.ts shows each rule failing on a tree made to break it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import cycle anywhere: a module must be loadable, and readable, without the ones above it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'services-not-to-plugins-or-routes',
      comment:
        'Services hold decisions and are tested with fakes: they never reach up into Fastify plugins or routes.',
      severity: 'error',
      from: { path: '^api/src/services/' },
      to: { path: '^api/src/(plugins|routes)/|^api/src/(app|container|server)[.]ts$' },
    },
    {
      name: 'sql-only-in-repositories',
      comment:
        'The database driver is opened by api/src/db and used by repositories (and by the pipeline’s own queue): ' +
        'a service, plugin, route or script that needs data asks a repository.',
      severity: 'error',
      from: {
        path: '^(api|media-pipeline|bench|fixtures)/src/',
        pathNot: '^api/src/(db|repositories)/|^media-pipeline/src/queue/|[.]test[.]ts$',
      },
      to: { path: '(^|/)node_modules/(@types/)?better-sqlite3/' },
    },
    {
      name: 'repositories-not-upward',
      comment:
        'Repositories hold the SQL and file I/O and know nothing of the services, plugins or routes using them.',
      severity: 'error',
      from: { path: '^api/src/repositories/' },
      to: { path: '^api/src/(services|plugins|routes|search)/|^api/src/(app|container|server)[.]ts$' },
    },
    {
      name: 'web-not-to-api-or-pipeline',
      comment:
        'The web is built and shipped apart: its source imports no api or pipeline source (its browser tests ' +
        'start a real api, so web/test may). Shared types come from contracts/.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^(api|media-pipeline)/' },
    },
    {
      name: 'pipeline-not-to-api-or-web',
      comment: 'The media pipeline knows nothing of the catalogue or the site that use it.',
      severity: 'error',
      from: { path: '^media-pipeline/' },
      to: { path: '^(api|web)/' },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'The shared contracts are imported by every workspace, so they import none.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(api|web|media-pipeline|fixtures|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // `import … from './x.ts'` and `.svelte` components resolve as the bundler and tsx resolve them.
    enhancedResolveOptions: {
      // Workspace packages are named by their package.json `exports` (@artifact-stories/contracts/schemas...).
      exportsFields: ['exports'],
      extensions: ['.ts', '.js', '.svelte', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types', 'svelte'],
    },
  },
};
