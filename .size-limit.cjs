// size-limit: @koodrive/client's browser entry (minified, gzipped, everything it imports bundled,
// openapi-fetch included) against openapi-fetch alone. scripts/check-size.ts holds the budget:
// the client may add at most 4 kB to openapi-fetch.
module.exports = [
  {
    name: 'openapi-fetch',
    path: 'packages/client/node_modules/openapi-fetch/dist/index.mjs',
    gzip: true,
  },
  {
    name: '@koodrive/client',
    path: 'packages/client/dist/index.js',
    import: '{ createKooDriveClient, unwrap }',
    gzip: true,
  },
];
