// Domain-keyword signal for the out-of-scope decision. The out-of-scope class learns generic
// question shapes ("how do I …", "what does … show") as well as topics, so on its own it can
// swallow an in-scope question worded unlike the examples ("docker cp usage examples"). Words
// that only this bot's topic uses make out-of-scope less likely; words of the neighbouring
// topics the catalogue names as out of scope (Kubernetes, Podman, npm, DNS internals, host
// Linux admin) make it more likely, whatever else the sentence says.
import { stem, words } from './tokenize.ts';

const OURS = [
  'docker',
  'dockerfile',
  'dockerignore',
  'container',
  'containers',
  'image',
  'images',
  'compose',
  'registry',
  'rmi',
  'ps',
  'exec',
  'oomkilled',
  'entrypoint',
  'cmd',
  'layer',
  'layers',
  'tag',
  'tagged',
  'latest',
  'volume',
  'volumes',
  'daemon',
  'dockerd',
  'buildkit',
  'buildx',
  'prune',
  'moby',
  'hub',
];
const NEIGHBOURS = [
  'kubectl',
  'pod',
  'pods',
  'helm',
  'minikube',
  'crashloopbackoff',
  'imagepullbackoff',
  'errimagepull',
  'statefulset',
  'ingress',
  'podman',
  'buildah',
  'npm',
  'yarn',
  'nvm',
  'eacces',
  'node-gyp',
  'yaml',
  'macvlan',
  'iptables',
  'ufw',
  'resolv',
  'inode',
  'inodes',
  'ext4',
  'systemctl',
  'cron',
  'chmod',
  'sudoers',
  'selinux',
  'swarm',
  'dns',
];

// Chosen by cross-validation (bench/nlu-cv.ts): own-word factors 0.1–0.5 measure the same;
// a neutral factor above 1 trades in-scope answers for out-of-scope ones about 1 : 1.5.
const OWN_FACTOR = 0.25;
const NEUTRAL_FACTOR = 1;
const NEIGHBOUR_FACTOR = 3;
const ours = new Set(OURS.map(stem));
const neighbours = new Set(NEIGHBOURS.flatMap((w) => w.split('-')).map(stem));

/**
 * A multiplier for the out-of-scope probability: below 1 when the text uses this bot's words and
 * none of a neighbouring topic's, above 1 when it uses a neighbouring topic's words.
 */
export function outOfScopeFactor(text: string): number {
  let own = false;
  for (const w of words(text)) {
    const s = stem(w);
    if (neighbours.has(s)) return NEIGHBOUR_FACTOR;
    if (ours.has(s)) own = true;
  }
  return own ? OWN_FACTOR : NEUTRAL_FACTOR;
}
