// size-limit: @koodrive/client's browser entry (minified, gzipped, everything it imports bundled,
// openapi-fetch included) against openapi-fetch alone. scripts/check-size.ts holds the budget:
// the client may add at most 4 kB to openapi-fetch.
//
// The app-signature signer is imported dynamically, only by clients created with
// `auth: { type: 'app' }`, so an app's bundler puts it in a chunk of its own that a browser
// holding a user token never downloads. The budget weighs that entry (the signer's chunk left
// external); the last check weighs a client that loads the signer as well, for the record.
const client = {
  path: 'packages/client/dist/index.js',
  import: '{ createKooDriveClient, unwrap }',
  gzip: true,
};

module.exports = [
  {
    name: 'openapi-fetch',
    path: 'packages/client/node_modules/openapi-fetch/dist/index.mjs',
    gzip: true,
  },
  { ...client, name: '@koodrive/client', ignore: ['./app-auth.js'] },
  { ...client, name: '@koodrive/client with app authentication' },
];
