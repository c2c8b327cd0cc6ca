import { loadKnowledge } from '../src/knowledge/load.ts';
const kb = loadKnowledge('intents');
const pairs = process.argv.slice(2);
for (const p of pairs) { const [i,u]=p.split('/'); const x = kb.get(i!)?.units?.find(v=>v.id===u); console.log(`## ${p}: ${x?.question}\n${x?.answer}\n${x?.command??''}\n(${x?.examples.length} ex)\n`); }
