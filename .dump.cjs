const {unzipSync,strFromU8}=require("fflate");const fs=require("fs");
const b=unzipSync(fs.readFileSync(process.argv[2]));
const ss=[...strFromU8(b["xl/sharedStrings.xml"]||new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(m=>m[1].replace(/<[^>]+>/g,""));
const x=strFromU8(b["xl/worksheets/sheet1.xml"]);
for (const m of x.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)){const t=/t="(\w+)"/.exec(m[2]);let v=/<v>([^<]*)<\/v>/.exec(m[3]||"");let f=/<f>([^<]*)<\/f>/.exec(m[3]||"");if(!v&&!f)continue;let val=v?v[1]:"";if(t&&t[1]==="s")val=ss[+val];console.log(m[1],JSON.stringify(val).slice(0,30),f?"="+f[1]:"")}
console.log((x.match(/<mergeCell [^>]*>/g)||[]).join(" "))
