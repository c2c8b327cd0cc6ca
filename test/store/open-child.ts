// Opens the embedded store in the folder given, claims a key, prints what it got, and exits:
// test/store/sqlite.test.ts runs several of these at once against one fresh file.
import { openStore } from '../../src/store/open.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: open-child.ts DATA_DIR');
const store = await openStore({ dataDir: dir });
const won = await store.claimOnce('race', Date.now() + 60_000, Date.now());
await store.close();
process.stdout.write(won ? 'won\n' : 'lost\n');
