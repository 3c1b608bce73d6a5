import * as esbuild from 'esbuild';
const r = await esbuild.build({entryPoints:['src/index.ts'],bundle:true,format:'esm',target:'es2020',platform:'neutral',mainFields:['module','main'],minify:true,charset:'utf8',legalComments:'none',write:false,metafile:true,logLevel:'error'});
const m = r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs;
const rows = Object.entries(m).map(([k,v])=>[v.bytesInOutput,k]).sort((a,b)=>b[0]-a[0]);
const want = process.argv.slice(2);
for (const [b,k] of rows) if (!want.length || want.some(w=>k.includes(w))) console.log(b,k);
console.log('total', r.outputFiles[0].text.length);
