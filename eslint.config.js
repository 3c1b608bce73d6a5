// gts's shared config, plus the folders that are build output or fixtures.
module.exports = [
  {ignores: ['dist/', 'coverage/', 'test-output/', '.preview/']},
  ...require('gts'),
  {
    files: ['*.js', 'scripts/**/*.js'],
    languageOptions: {
      globals: {module: 'writable', require: 'readonly', __dirname: 'readonly'},
    },
  },
];
