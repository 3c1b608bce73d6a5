/** The README's function list is the reference analysts read: it must match the functions Sheets sees. */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {readEntryPoints} from '../../scripts/build';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const block = readme.slice(
  readme.indexOf('<!-- functions:begin -->'),
  readme.indexOf('<!-- functions:end -->'),
);

describe('README function list', () => {
  const custom = readEntryPoints().filter(e =>
    /^[A-Z][A-Z0-9_]*$/.test(e.name),
  );
  const listed = [
    ...block.matchAll(/^\| `([A-Z_]+)\(([^)]*)\)` \| `(=[^`]+)` \|/gm),
  ];

  it('lists every custom function once, with its parameters in order and an example formula', () => {
    expect(listed.map(m => m[1]).sort()).toEqual(
      custom.map(e => e.name).sort(),
    );
    for (const {name, params} of custom) {
      const [, , signature, example] = listed.find(m => m[1] === name)!;
      expect(signature.split(', ').map(p => p.replace(/^\[|\]$/g, ''))).toEqual(
        params,
      );
      expect(example.startsWith(`=${name}(`)).toBe(true);
    }
  });
});
