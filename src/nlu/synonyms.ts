// Words people use interchangeably in this domain, grouped under one concept. A sentence gets a
// `k:<concept>` feature for each group it touches, so "get rid of", "delete" and "nuke" all share
// what the examples taught about "remove", and a question worded unlike any training example still
// lands near the right intent. Written from the domain (Docker docs and Q&A wording), not from the
// evaluation set. Keep groups tight: a word in the wrong group teaches the model the wrong thing.
import { stem } from './tokenize.ts';

const GROUPS: Record<string, string[]> = {
  remove: ['remove', 'removing', 'delete', 'deleting', 'erase', 'rm', 'rmi', 'prune', 'purge', 'nuke', 'wipe', 'cleanup', 'clean', 'destroy', 'uninstall', 'rid'],
  show: ['list', 'show', 'display', 'see', 'view', 'ls', 'print', 'enumerate', 'overview'],
  crash: ['crash', 'crashed', 'crashes', 'crashing', 'exit', 'exits', 'exited', 'die', 'died', 'dies', 'dead', 'quit', 'quits', 'oomkilled', 'killed', 'terminated', 'segfault'],
  big: ['big', 'bigger', 'large', 'larger', 'huge', 'massive', 'bloated', 'heavy', 'fat', 'gigantic', 'enormous', 'gb', 'slim', 'smaller', 'shrink', 'reduce', 'minimize', 'size'],
  vanish: ['missing', 'gone', 'vanished', 'vanish', 'disappeared', 'disappear', 'disappears', 'nowhere', 'lost'],
  edit: ['edit', 'modify', 'modified', 'tweak', 'tweaked', 'patch', 'patched', 'hotfix', 'change', 'changed', 'changes'],
  keep: ['persist', 'persistent', 'survive', 'survives', 'keep', 'kept', 'save', 'saved', 'retain', 'preserve'],
  upgrade: ['upgrade', 'upgrading', 'update', 'updated', 'newer', 'outdated', 'stale', 'old'],
  rebuild: ['rebuild', 'rebuilt', 'recreate', 'recreated', 'redeploy', 'redeployed'],
  start: ['start', 'launch', 'spin', 'boot', 'fire'],
  explain: ['explain', 'eli5', 'meaning', 'mean', 'means', 'definition', 'define', 'understand', 'concept'],
  reach: ['reach', 'reachable', 'unreachable', 'access', 'accessible', 'connect', 'curl', 'browser', 'localhost', 'refused', 'timeout', 'hang', 'hangs'],
  shell: ['shell', 'bash', 'sh', 'terminal', 'console', 'ssh', 'inside', 'enter', 'login'],
  disk: ['disk', 'space', 'storage', 'stored', 'store', 'directory', 'folder', 'location', 'path', 'drive'],
  tag: ['tag', 'tags', 'tagged', 'tagging', 'version', 'versions', 'versioning', 'semver', 'sha', 'pin', 'pinned'],
  registry: ['registry', 'registries', 'hub', 'ecr', 'gcr', 'gar', 'acr', 'ghcr', 'quay', 'harbor', 'nexus', 'artifactory', 'push', 'upload', 'publish'],
  data: ['data', 'database', 'db', 'files', 'uploads', 'state', 'volume', 'volumes', 'mount', 'mounts'],
  greet: ['hi', 'hello', 'hey', 'hiya', 'howdy', 'yo', 'sup', 'morning', 'afternoon', 'evening', 'greetings', 'heya', 'hallo'],
  thank: ['thanks', 'thank', 'thx', 'cheers', 'appreciated', 'appreciate', 'grateful', 'kudos', 'helpful', 'helped'],
  host: ['host', 'server', 'machine', 'box', 'node', 'vm', 'laptop'],
  now: ['now', 'currently', 'current', 'moment', 'today'],
};

const conceptOf = new Map<string, string>();
for (const [concept, ws] of Object.entries(GROUPS)) for (const w of ws) conceptOf.set(stem(w), concept);

/** The concept a stemmed word belongs to, if any. */
export function concept(stemmed: string): string | undefined {
  return conceptOf.get(stemmed);
}
