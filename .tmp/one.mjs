import * as esbuild from 'esbuild';
const r = await esbuild.build({entryPoints:[process.argv[2]],bundle:true,format:'esm',target:'es2020',platform:'neutral',minify:true,charset:'utf8',legalComments:'none',write:false,logLevel:'error', external:['../*','./*'].filter(()=>false), plugins:[{name:'ext',setup(b){b.onResolve({filter:/^\./},a=>a.importer===process.cwd()+'/'+process.argv[2]||a.importer.endsWith(process.argv[2])?{path:a.path,external:true}:undefined)}}]});
console.log(r.outputFiles[0].text);
