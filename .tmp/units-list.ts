import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
for (const f of readdirSync('intents').sort()) {
  const d = parse(readFileSync('intents/' + f, 'utf8'));
  for (const u of d.units ?? []) console.log(`${d.id}/${u.id}\t${u.question ?? u.title ?? ''}`);
}
