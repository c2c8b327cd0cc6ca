// The word lists behind the domain-keyword signal (domain.ts), kept apart from the logic. Every
// list holds plain words; domain.ts stems them. Chosen on the near-miss development sets
// (test/fixtures/near-misses-dev*.jsonl), never on the evaluation sets.

/** Words only Docker uses: one of them puts the question in Docker's context by itself. */
export const DOCKER_WORDS = [
  'docker',
  'dockerfile',
  'dockerfiles',
  'dockerignore',
  'dockerd',
  'dockerhub',
  'buildkit',
  'buildx',
  'moby',
  'oomkilled',
  'entrypoint',
  'rmi',
  'ecr',
  'gcr',
  'ghcr',
];

/**
 * Docker's everyday words that other fields use too ("layer" in Photoshop, "volume" on a headset,
 * "tag" in git, "prune" in the garden). One of them alone says little; two different ones together
 * ("restart" + "container", "image" + "layer") read as Docker, unless another field is named.
 */
export const SHARED_WORDS = [
  'container',
  'containers',
  'containerized',
  'image',
  'images',
  'layer',
  'layers',
  'tag',
  'tags',
  'tagged',
  'registry',
  'volume',
  'volumes',
  'prune',
  'exec',
  'daemon',
  'hub',
  'compose',
  'latest',
  'lifecycle',
  'dangling',
  'rebuild',
  'restart',
  'restarts',
  'reboot',
  'port',
  'ports',
  'build',
  'pull',
  'push',
  'cmd',
  'ps',
];

/**
 * Well-known image names: next to a container word ("the nginx container", "postgres volume")
 * they are Docker's context; alone ("what is the latest version of ubuntu") they are not.
 */
export const IMAGE_NAMES = [
  'nginx',
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'redis',
  'mongo',
  'mongodb',
  'ubuntu',
  'alpine',
  'debian',
  'busybox',
  'node',
  'python',
  'httpd',
  'traefik',
  'rabbitmq',
  'elasticsearch',
  'wordpress',
  'jenkins',
  'grafana',
  'openjdk',
  'golang',
  'centos',
  'portainer',
  'minio',
  'tomcat',
];

/** The bot's two core nouns: alone, they lean to Docker in this chat more than the other shared words. */
export const CORE_WORDS = ['container', 'containers', 'containerized', 'image', 'images'];

/** The container words an image name pairs with. */
export const CONTAINER_WORDS = ['container', 'containers', 'image', 'images', 'compose', 'exec'];
/** "pull ubuntu", "pulled postgres": an image name next to these is Docker's too, unless a nearby field (git) is named. */
export const PULL_WORDS = ['pull', 'pulled', 'pulling'];

/**
 * Fields that never mean Docker: image editing, web layout, code containers, shipping and kitchen
 * containers, gardening, audio, phones, disk images, Android, machine learning, sports, cooking,
 * social media. One of these words makes a question out of scope unless Docker itself is named.
 */
export const OTHER_FIELDS = [
  // image editing and photos
  'photoshop',
  'gimp',
  'krita',
  'lightroom',
  'illustrator',
  'inkscape',
  'figma',
  'canva',
  'procreate',
  'opacity',
  'jpeg',
  'jpg',
  'svg',
  'dpi',
  'pixels',
  'brush',
  // web layout
  'css',
  'flexbox',
  'tailwind',
  'div',
  'navbar',
  'scss',
  // code containers and immutability in programming languages
  'stl',
  'std',
  'servlet',
  'ioc',
  'autofac',
  'immer',
  'redux',
  // shipping, storage, kitchen and garden containers
  'shipping',
  'freight',
  'pallet',
  'pallets',
  'customs',
  'microwave',
  'kitchen',
  'pantry',
  'tupperware',
  'garden',
  'gardening',
  'balcony',
  'vegetable',
  'vegetables',
  'tomato',
  'tomatoes',
  'roses',
  'fig',
  'shrub',
  'hedge',
  'plants',
  // registries that are lists of gifts, and the Windows registry
  'regedit',
  'hkey',
  'hklm',
  'wedding',
  'baby',
  // audio and phones
  'microphone',
  'mic',
  'headphones',
  'headset',
  'speakers',
  'audio',
  'ringer',
  'audacity',
  'bluetooth',
  'spotify',
  'music',
  'song',
  'melody',
  'iphone',
  'ipad',
  // boot media and disk images
  'bios',
  'dmg',
  'iso',
  'bootable',
  'lvm',
  // Android and app lifecycles
  'jetpack',
  'onpause',
  'onstop',
  'oncreate',
  'viewmodel',
  // machine learning layers and pruning
  'keras',
  'dropout',
  'convolution',
  'convolutional',
  'neural',
  // sports, cooking, games
  'muscle',
  'workout',
  'gym',
  'marathon',
  'recipe',
  'cake',
  'wine',
  'dishwasher',
  'oven',
  'starcraft',
  // social media, documents, media files
  'instagram',
  'facebook',
  'tiktok',
  'hashtag',
  'seo',
  'mp3',
  'id3',
  'mkv',
  'mp4',
  'ffmpeg',
  'codec',
  'webp',
  'ozone',
  'atmosphere',
  'dock',
  'subtitles',
  'osi',
];

/**
 * Fields that sit next to Docker (git, Windows, WordPress, Android, PyTorch, Jira, build tools):
 * out of scope when the question has no Docker context, but only a nudge when it has some ("tag
 * the images with the git commit sha").
 */
export const NEARBY_FIELDS = [
  'git',
  'windows',
  'android',
  'pytorch',
  'jira',
  'ebs',
  'usb',
  'mutable',
  'kotlin',
  'spring',
  'bootstrap',
  'html',
  'java',
  'react',
  'vue',
  'angular',
  'svelte',
  'pm2',
  'eval',
  'macos',
  // build tools that run inside image builds, but are asked about on their own far more often
  'webpack',
  'vite',
  'gradle',
  'maven',
];
