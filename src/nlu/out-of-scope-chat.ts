// Out-of-scope sentences, part two: chit-chat, small talk about the bot, general programming and
// everyday office questions — no Docker topic at all. Part one (out-of-scope.ts) holds the
// Docker-adjacent near misses and assembles the whole list. Written by hand; none is taken from
// test/fixtures (the eval set).

export const chitChat = [
  'will it rain this afternoon',
  'tell me something funny',
  'what is the meaning of life',
  'who won the football game yesterday',
  'what is your favourite colour',
  'when is your birthday',
  'do you have feelings',
  'I am bored',
  'what time is it',
  'can you order me a pizza',
  'recommend a good movie',
  'do you like cats',
  'what should I cook for dinner',
  'sing me a song',
  'whats 2 plus 2',
  'translate this sentence to french',
  'lol',
  'ok',
  'where do you live',
  'write me a poem about the sea',
  'who is the president of france',
  'i love you',
  'how tall is mount everest',
  'whats up with the weather today',
  "what was the score in yesterday's game",
  'did you watch the game yesterday',
  'who is going to win the world cup',
  'nice weather today huh',
  'will it snow tomorrow in berlin',
  'finally friday, enjoy the weekend everyone',
  'merry christmas!',
  'knock knock',
  'brb grabbing coffee',
  'are you a real person or a bot',
  'are you sentient',
];

// Small talk about the bot itself: polite, but no question about Docker (not a greeting either).
export const smallTalk = [
  'how are you doing today',
  'how is it going',
  'how have you been',
  "hope you're having a nice day, bot",
  'how are things with you',
  'how was your weekend',
  'do you dream',
  'know any funny stories about developers?',
  'i am having a rough day',
  'what did you have for breakfast',
  'is it going to rain later',
  'how are things on your side',
  'how r u today',
  'whats new with you',
  'nm just chilling, you?',
  'thanks for nothing lol',
  'you are useless',
  'good night all',
  'good night, see you tomorrow',
  'gn everyone, logging off',
  'bye for now',
  'see ya later',
  'make me laugh',
  'do you ever get tired',
  'what are you doing this weekend',
];

// General programming: code questions in any language, with none of this bot's topic in them.
export const programming = [
  'print hello world in python',
  'hello world program in rust',
  'how do I reverse a string in javascript',
  'what is a closure in javascript',
  'filter and transform a list in one line in python',
  'how to read a csv file with pandas',
  'difference between let and const',
  'how do I parse json in go',
  'regex to match an email address',
  'what does async await do',
  'typescript error: object is possibly undefined',
  'how to sort a dictionary by value in python',
  'null pointer exception in my java code',
  'what is big o notation',
  'how do I write a for loop in bash',
  'c++ segmentation fault when accessing a vector',
  'how to make an http request in node',
  'class vs instance in oop, explained simply',
  'python asyncio RuntimeError: event loop is closed',
  'how to mock a function in pytest',
  'golang how to detect a goroutine leak',
];

// Other tools, and everyday office questions asked in the same chat channel.
export const elsewhere = [
  'what is on the lunch menu today',
  'book a meeting room for 3pm',
  'how do I share my screen in zoom',
  'vscode extension for prettier not formatting',
  'excel formula to sum a column',
  'slack notifications are not showing up on my phone',
  'how do I reset my password for the vpn',
  'who is on call this week',
  'jira ticket is stuck in review',
  'how do I request vacation days',
  'the office printer is jammed',
  'which laptop should I buy for development',
  'how do I install homebrew on a mac',
  'my mouse stopped working',
];

// Version control: git on its own (push, rebase, undo, conflicts, .gitignore), no Docker topic.
export const versionControl = [
  'git push rejected: Updates were rejected because the tip of your current branch is behind',
  'git undo last commit but keep the changes in my working tree',
  'Hey all, I did an interactive rebase to squash my last 5 commits and now `git status` says "You are currently rebasing" with CONFLICT (content) in package.json. Do I fix the file and run rebase --continue, or abort the whole thing and start over?',
  '.gitignore not ignoring node_modules even though its listed in there',
  'how do i remove a file with a password in it from the whole git history',
  'fatal: refusing to merge unrelated histories',
  'accidently commited to main instead of my feature branch, how do i move the commit',
  'merge conflict markers <<<<<<< HEAD still in my file after the merge, how to clean up',
  'git says detached HEAD after checking out a tag, what now',
  'difference between git fetch and git pull',
  'git stash pop gave a conflict, did i lose my changes??',
  'How to cherry-pick a range of commits from another branch in Git?',
  'change the last commit message after i already pushed it',
  'How do I revert a merge commit that is already on main?',
  'squash all commits on my branch into one before the pull request',
];

// A language's own package manager or build tool failing, with no container in the picture.
export const packageManagers = [
  'pip: error: externally-managed-environment on debian 12',
  'pip install -r requirements.txt ResolutionImpossible: conflicting dependencies',
  'Maven "Could not transfer artifact from/to central: PKIX path building failed"',
  'gradle build fails with Unsupported class file major version 65',
  'Working on a Spring Boot app, `./gradlew build` was fine until I pulled main, now it fails with "Could not resolve all files for configuration :compileClasspath" and a 401 from our Nexus. My ~/.gradle/gradle.properties creds did not change. Any idea what else reads them?',
  'go: missing go.sum entry for module providing package',
  'go get private repo on gitlab: git ls-remote exit status 128',
  'cargo build error: failed to run custom build command for openssl-sys',
  'npm ERR! code ETARGET no matching version found for a package',
  'poetry lock takes forever resolving dependecies',
];

// Databases and SQL: queries, users, indexes, dumps.
export const databases = [
  'sql left join returns duplicate rows, how to get one per customer',
  'postgres grant select on all tables to a read only user',
  'mysql ERROR 1045 (28000): Access denied for user root@localhost',
  'Our Postgres 14 query went from 200ms to 40s after a big import. EXPLAIN ANALYZE shows a Seq Scan on orders even though there is an index on customer_id. Do I need to run ANALYZE or is the planner ignoring the index for some other reason?',
  'pg_dump and restore into a database with a different name',
  'how to add an index in mysql without locking the table',
];

/**
 * A request to be taught another topic, in the frames a newcomer uses for Docker's own ("tell me
 * about …", "teach me …", "walk me through …", "could you explain … to me"). With these frames only
 * under concept.container and concept.image the frame itself would lean to Docker; here the topic
 * word decides.
 */
export const learnOtherTopics = [
  'tell me about kubernetes pods',
  'teach me what a virtual machine is',
  "help me understand git branches, I'm new here",
  'walk me through what terraform actually does',
  'could you explain helm charts to me simply',
  'teach me the basics of ansible',
  'can you explain python virtualenvs to me',
  'tell me about nginx reverse proxies',
  'help me understand how dns works',
  'describe what a load balancer is for a newcomer',
  'teach me kubernetes deployments',
  'explain microservices to me',
];
