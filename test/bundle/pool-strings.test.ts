/**
 * The build's string pooling (scripts/build.ts poolStrings): a literal the
 * minified bundle repeats is written once and named, and the bundle reads
 * exactly as before, whatever stands next to the literal.
 */
import vm from 'node:vm';
import {poolStrings} from '../../scripts/build';

const run = (code: string): unknown =>
  vm.runInNewContext(`${code};JSON.stringify(TR.all())`);

const S = '"Forecast Category"';

// Minified the way esbuild writes it: no space between a keyword and a literal.
const bundle = `var TR=(()=>{"use strict";var et=1;function a(e){switch(e){case${S}:return${S};default:return typeof e=="number"?e:"none"}}function b(){let o={${S}:1,"__proto__":{inherited:${S}},get "Forecast Category"(){return 2}};return[${S}in o,o[${S}],o.inherited,Object.getPrototypeOf(o).inherited,Object.keys(o)]}function c(t){let et=${S}+"!";return[et,t==="number",${S}.length]}function all(){return[a(${S}),a(7),a("x"),b(),c("number"),et,function(){"use strict";return this===void 0}()]}return{all}})();`;

describe('poolStrings', () => {
  it('names each repeated literal once and keeps what the bundle computes', () => {
    const pooled = poolStrings(bundle);
    expect(run(pooled)).toBe(run(bundle));
    // Once in the declaration, once as the accessor's name.
    expect(pooled.split(S)).toHaveLength(3);
    expect(pooled.length).toBeLessThan(bundle.length);
  });

  it('leaves directives, __proto__ keys and accessor names as written', () => {
    const pooled = poolStrings(bundle);
    expect(pooled.startsWith('var TR=(()=>{"use strict";var ')).toBe(true);
    expect(pooled).toContain('{"use strict";return this===void 0}');
    expect(pooled).toContain('"__proto__":');
    expect(pooled).toContain('get "Forecast Category"(){');
  });

  it('never takes a name the bundle uses, in any scope (`et` here)', () => {
    const pooled = poolStrings(bundle);
    const declared = /"use strict";var ([^;]*);/.exec(pooled)![1];
    const names = declared.split(/,(?=[\w$]+=)/).map(d => d.split('=')[0]);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('et');
  });

  it('leaves a literal a typeof is compared with as written (V8 checks the type without comparing strings)', () => {
    const N = '"number"';
    const typeofs = `var TR=(()=>{"use strict";function a(e){return typeof e==${N}?${N}:typeof e}function b(e){return ${N}===typeof e||e===${N}||e===${N}||e===${N}}function all(){return[a(1),a(""),b(1),b(${N})]}return{all}})();`;
    const pooled = poolStrings(typeofs);
    expect(run(pooled)).toBe(run(typeofs));
    expect(pooled).toContain(`typeof e==${N}`);
    expect(pooled).toContain(`${N}===typeof e`);
    // The other uses of the same literal are pooled.
    expect(pooled.split(N).length - 1).toBe(3);
  });

  it('calls a pooled static builtin through its name, and leaves one the bundle rebinds', () => {
    const m = 'Math.max(1,2)+Math.max(3,4)+Math.max(5,6)+Math.max(7,8)';
    const k = 'Object.keys({a:1}).length+Object.keys({b:1,c:2}).length';
    const builtins = `var TR=(()=>{"use strict";function all(){return[${m},${k},${k},(J=>J.stringify(1)+J.stringify(2)+J.stringify(3))({stringify:x=>x})]}function g(JSON){return JSON}return{all,g}})();`;
    const pooled = poolStrings(builtins);
    expect(run(pooled)).toBe(run(builtins));
    expect(pooled.split('Math.max')).toHaveLength(2);
    expect(pooled.split('Object.keys')).toHaveLength(2);
    // A parameter named JSON somewhere: JSON.stringify is not pooled anywhere.
    expect(
      poolStrings(
        builtins.replace('J=>J', 'JSON=>JSON').replace(/J\.s/g, 'JSON.s'),
      ),
    ).not.toMatch(/=JSON\.stringify/);
  });

  it('reads, writes, deletes and calls a pooled member as before, and leaves the local clock spelled out', () => {
    const body = [
      'let o={weekEnding:1,get weekEnding2(){return this.weekEnding}}',
      'o.weekEnding=o.weekEnding+1',
      'o.weekEnding++',
      'let m={k:2,weekEnding(){return this.k}}',
      'let n=null',
      'let d=new Date(0)',
      'let r=[o.weekEnding,o.weekEnding2,m.weekEnding(),n?.weekEnding,n?.weekEnding.x,d.getDate(),d.getDate(),d.getDate()]',
      'delete o.weekEnding',
      'r.push(o.weekEnding,"weekEnding"in o)',
    ].join(';');
    const members = `var TR=(()=>{"use strict";function all(){${body};return r}return{all}})();`;
    const pooled = poolStrings(members);
    expect(run(pooled)).toBe(run(members));
    expect(pooled).not.toMatch(/\.weekEnding\b/);
    expect(pooled).toContain('?.[');
    expect(pooled.split('.getDate(')).toHaveLength(4);
    // Names the per-row code uses are kept as written when asked.
    const kept = poolStrings(members, new Set(['weekEnding']));
    expect(run(kept)).toBe(run(members));
    expect(kept).toMatch(/o\.weekEnding=o\.weekEnding\+1/);
  });

  it('changes nothing when no literal repeats enough to pay', () => {
    const small = 'var TR=(()=>{"use strict";return{all:()=>["a","b"]}})();';
    expect(poolStrings(small)).toBe(small);
  });
});
