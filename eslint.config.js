// gts's shared config, plus the folders that are build output or fixtures.
module.exports = [
  {
    ignores: [
      'dist/',
      'dist-field-checks/',
      'coverage/',
      'test-output/',
      '.preview/',
    ],
  },
  ...require('gts'),
  // The sidebar is browser code, type-checked by its own tsconfig (DOM library).
  {
    files: ['sidebar/**/*.ts'],
    languageOptions: {parserOptions: {project: './sidebar/tsconfig.json'}},
  },
  {
    files: ['*.js', 'scripts/**/*.js'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
  },
];
