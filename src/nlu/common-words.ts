// Ordinary English words: never a container or image name when written in a sentence without
// backticks or quotes ("where did my container go?" is not about a container called `go`).
// A docker command's argument (`docker logs web`) or `--name web` is still read as a name.
import stopwords from 'natural/lib/natural/util/stopwords.js';

const VERBS = `
go goes went gone going come comes came coming get gets got getting give gives gave given make makes made making take takes
took taken see sees saw seen look looks looked looking find finds found know knows knew known think thinks thought want wants
wanted need needs needed use uses used using try tries tried trying work works worked working run runs ran running start
starts started stop stops stopped die dies died dead crash crashes crashed restart restarts restarted exit exits exited fail
fails failed failing break breaks broke broken fix fixes fixed show shows showed shown appear appears appeared disappear
disappears disappeared vanish vanished vanishes leave leaves left stay stays stayed keep keeps kept hang hangs hung load loads
loaded build builds built pull pulls pulled push pushes pushed delete deletes deleted remove removes removed create creates
created update updates updated change changes changed install installs installed open opens opened close closes closed
connect connects connected reach reaches reached return returns returned print prints printed say says said tell tells told
ask asks asked help helps helped mean means meant happen happens happened seem seems seemed become becomes became live lives
lived move moves moved set sets put puts call calls called name named wait waits waited write writes wrote read reads
listen listens listened respond responds responded answer answers answered serve serves served point points pointed
`;

const ADVERBS = `
anymore anyway already always never ever often sometimes usually still yet again soon later now today yesterday tomorrow
here there everywhere somewhere nowhere away back up down out off over under inside outside instead maybe perhaps actually
really probably suddenly finally basically literally apparently somehow please thanks thank ok okay yes yeah yep nope no sure
correctly properly locally remotely manually automatically
`;

const OTHERS = `
fine good bad great weird strange wrong right correct broken empty full new old same different whole entire only single
app apps application service services server servers thing things stuff something nothing anything everything someone anyone
problem problems issue issues question questions answer way ways time times day days week minute minutes hour hours second
seconds moment while computer laptop machine machines box vm host hosts cloud prod production staging dev local remote
system file files folder folders directory directories data database db code project projects team people guy guys friend
boss manager colleague today morning evening night tonight reason idea example part end start beginning middle top bottom
version versions update updates change changes build builds release releases deploy deploys deployment environment env
memory disk space network internet browser page site website port ports log logs error errors output input message messages
process processes job jobs task tasks step steps line lines command commands script scripts tool tools docker dockerfile
compose kubernetes image images container containers volume volumes layer layers tag tags registry repo repository hub
alive again though although because since unless until whether either neither both each every all any some many much more
most less least few several enough lot lots bit
one two three four five six seven eight nine ten first second third last next previous other another
me myself yourself himself herself itself ourselves themselves mine yours ours theirs
`;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * Verbs and their forms, adverbs and interjections: in a sentence, such a word after `docker pull` or
 * `docker run -d` is prose, not an image ("the tutorial uses docker run -d everywhere").
 */
export const NEVER_A_NAME: ReadonlySet<string> = new Set([...words(VERBS), ...words(ADVERBS)]);

export const COMMON_WORDS: ReadonlySet<string> = new Set([...NEVER_A_NAME, ...words(OTHERS), ...stopwords.words]);
