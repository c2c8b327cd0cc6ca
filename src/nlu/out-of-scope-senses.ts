// Out-of-scope sentences, part four: the other senses of Docker's words in software — a git tag,
// a Photoshop layer, a CSS container, an STL container, the Windows registry, a disk volume, a
// process that restarts, an ISO image, Jetpack Compose, a React lifecycle, a CI stage, a neural
// network's layers, a package registry, Pillow and ImageMagick, a .img file, git LFS, an image on
// a web page, pm2 restarting an app. Without them the model learns "layer", "tag", "volume" as
// Docker's alone and answers "how do I add a layer mask" with the layers article. Written by hand,
// grouped by field; none is taken from test/fixtures (a test checks for near-copies of every set
// there).

// Git's tags, commits, pushes, pulls, hubs and prunes.
export const gitSenses = [
  'git tag -d only removed it on my machine, it is still on github',
  'how do I push all my tags to origin at once',
  'rename a tag in git and fix it on github too',
  'check out the code exactly as it was at a tag',
  'git describe --tags prints an old version number',
  'pull with rebase or with merge on a shared branch?',
  'git push --force-with-lease vs plain --force',
  'accidentally committed an api key, scrub it from the history',
  'revert a merge commit that is already on main',
  'HEAD detached at v1.2 — what does that mean and how do I return to my branch',
  'my feature branch is 12 commits behind main, best way to catch up',
  'stash local edits before a pull so nothing gets overwritten',
  'github pages site does not update after my push',
  'fork vs clone on github, which one do I need to contribute',
  'sign every commit with my gpg key automatically',
  'stale remote-tracking branches still listed after they were deleted upstream',
  'fatal: tag v2.0.0 already exists when I run git tag',
  'sourcetree shows each tag twice in the sidebar',
  'show the tags of this git repo newest first',
  'compare two tags to see which commits changed',
  'delete every tag that starts with beta-',
  'tags vs releases on github, what is the difference',
  'push only one tag to the remote, not all of them',
];

// Image editing and photos: layers, masks, resizing, formats.
export const imageEditing = [
  'how do I unlock the background layer so I can move it',
  'duplicate a layer in paint.net',
  'group several layers into a folder in procreate',
  'blend mode multiply vs overlay for shadows',
  'feather the edge of a selection before cutting it out',
  'crop a photo into a circle for a profile picture',
  'export every layer as its own png file',
  'smart object or rasterized layer before applying filters?',
  'layer style drop shadow not visible on my text',
  'batch resize 500 photos at once on windows',
  'turn a portrait photo into a pencil sketch effect',
  'remove red eye from a flash picture',
  'make the white background transparent in paint',
  'my picture looks pixelated when I scale it up',
  'raster vs vector images, which for a logo',
  'heic photos from my phone will not open on the pc',
  'add a watermark to a whole folder of pictures',
  'shrink a jpg below 100kb for an upload form',
  'the layers panel shows a lock icon on every layer, why',
  'free tool to upscale an old photo',
  'blur the faces in a picture before posting it',
  'where are screenshots saved on windows 11',
  'convert webp pictures to jpg in bulk',
  'find and delete duplicate photos on my drive',
  'sort thousands of photos into folders by date taken',
];

// Web layout: CSS containers, flex and grid, images on a page.
export const webLayout = [
  'container queries vs media queries, when do I use which',
  'setting max-width on the wrapper breaks my grid',
  'make the flex items wrap onto a second line',
  'grid with equal height rows regardless of content',
  'sticky header overlaps the first section of the page',
  'absolutely positioned child escapes its relative parent',
  'background image does not cover the whole hero section',
  'responsive images with srcset and sizes explained',
  'inline svg icon ignores the text colour',
  'dark mode toggle using css custom properties',
  'my modal shows up behind the grey overlay',
  'tailwind arbitrary value classes are not applied',
  'image slider in plain javascript without a library',
  'object-fit cover on an img inside a card component',
  'bootstrap grid: row and col classes explained',
  'bootstrap navbar does not collapse on mobile',
  'text overflows its box instead of wrapping',
  'how many h1 tags should one page have',
  'what does the meta viewport tag do',
  'svelte onMount vs onDestroy',
  'componentDidMount vs useEffect with an empty array',
];

// Containers and immutability in programming languages: STL, collections, IoC containers.
export const codeContainers = [
  'unordered_map vs map in c++, which is faster',
  'iterate a std::set backwards',
  'which java collection keeps insertion order and has no duplicates',
  'python list vs tuple, why can a tuple not be changed',
  'frozen dataclass in python: can I still set a field in __post_init__',
  'readonly arrays in typescript',
  'does freezing an object in js make the nested objects read-only too',
  'how do I keep a kotlin data class from being modified',
  'immutable collections in guava vs java 9 List.of',
  'AddScoped or AddTransient for my DbContext in ASP.NET Core services',
  'spring bean not found in the application context at startup',
  'inversion of control explained with a small example',
  'what counts as a container class in c++',
  'std::array vs a plain c array',
  'why are tuples hashable while lists are not',
  'deep copy vs shallow copy of a nested dict',
  'jakarta ee: servlet container vs full application server',
  'records in c# 9 — are they really immutable?',
  'exec() in python with its own globals dict',
  'os.execvp replaces the current process, why does my code after it never run',
];

// Registries that are not image registries: Windows, package indexes, domains, land, gifts.
export const otherRegistries = [
  'where does windows keep the list of installed programs in the registry',
  'registry key to change the default browser for all users',
  'export a registry key to a .reg file and import it on another pc',
  'HKEY_CURRENT_USER vs HKEY_LOCAL_MACHINE',
  'group policy or a registry edit to disable cortana',
  'registry errors left after uninstalling an antivirus',
  'do registry fixers like ccleaner actually speed up a pc',
  'publish my package to pypi with twine',
  'domain name registry vs registrar, what is the difference',
  'land registry search to find who owns a house',
];

// Volumes that are not Docker volumes: disks, partitions, sound levels.
export const diskAndSoundVolumes = [
  'macos disk utility: add a new apfs volume to my drive',
  'bitlocker encrypted volume will not unlock after a bios update',
  'diskpart extend volume is greyed out',
  'zfs pool vs dataset vs zvol',
  'volume shadow copy service errors on windows server',
  'youtube is much quieter than spotify on the same headphones',
  'the windows volume mixer forgets my per-app levels',
  'obs records my voice far too loud',
  'cap the maximum volume on a kids tablet',
  'trading volume of a stock, what does it tell you',
  'convert liters to gallons',
];

// Processes, services and devices that restart, and daemons outside Docker.
export const processesAndDevices = [
  'start a node app at boot with a systemd unit',
  'launchd plist to run a script at login on mac',
  'windows service stuck in the stopping state',
  'python subprocess keeps running after the parent script exits',
  'zombie processes piling up on my server',
  'supervisord restarts my worker every few seconds',
  'nodemon vs pm2 vs forever',
  'phone stuck in a boot loop after a system update',
  'the router reboots itself every night around 3am',
  'pc restarts randomly while gaming, is it the power supply',
  'turn off automatic restart after a blue screen',
  'kill -9 vs kill -15',
  'too many open files error from lsof on my server',
  'htop shows 100% cpu but no process is using it',
  'what is a daemon in unix, how is it different from a service',
  'the avahi daemon spams my syslog',
  'pm2 startup so my app comes back after the server reboots',
  'rotate pm2 logs before they fill the disk',
  'free up port 5000 on macos, something already listens there',
  'netstat on windows to find the pid holding a port',
  'apache will not start after I edited httpd.conf',
  'postfix ignores my change to main.cf',
  'free up space on my macbook, purgeable storage is huge',
];

// Boot media and disk images: ISOs, DMGs, clones, SD cards.
export const diskImages = [
  'rufus or balena etcher for a windows installer stick',
  'put several isos on one usb stick with ventoy',
  'verify the sha256 checksum of a downloaded iso',
  'attach a dmg from the command line on macos',
  'make a full disk image of my laptop with clonezilla',
  'restore a macrium reflect backup image to a new ssd',
  'flash an .img file to an sd card from linux',
  'deploy one ghost image to 30 office pcs',
  'extract files from an iso without burning it',
  'windows system image recovery cannot find my backup',
];

// Compose and lifecycle in other frameworks, and build stages in CI systems.
export const frameworksAndPipelines = [
  'remember vs rememberSaveable in jetpack compose',
  'navigation between screens in compose multiplatform',
  'function composition in haskell',
  'compose two functions in javascript with reduce',
  'useEffect cleanup runs twice in strict mode',
  'angular ngOnInit vs the constructor',
  'flutter widget lifecycle, where to put initState logic',
  'fragment lifecycle vs activity lifecycle',
  'software development lifecycle phases explained',
  's3 lifecycle rule to delete objects after 30 days',
  'maven build lifecycle phases in order',
  'pass a variable from one stage to the next in azure pipelines',
  'jenkins stage timeout after 10 minutes',
  'github actions matrix job fails only on windows',
  'circleci workflow waits for a manual approval',
  'teamcity build agent shows disconnected',
];

// Neural-network layers, image datasets and pruning in machine learning and algorithms.
export const machineLearning = [
  'where do I put batch normalization, before or after the activation',
  'what does a max pooling layer do',
  'how many encoder layers does bert base have',
  'embedding layer in pytorch for word ids',
  'image classification with a pretrained resnet on my own photos',
  'data augmentation for a small image dataset',
  'image segmentation vs object detection',
  'generate an image from a prompt with stable diffusion',
  'read text from an image with ocr in python',
  'resize images with pillow keeping the aspect ratio',
  'opencv read an image in grayscale',
  'magnitude pruning vs structured pruning for a transformer',
  'alpha-beta pruning in a chess engine',
  'decision tree pruning to stop overfitting',
];

// Tags, hubs, exec and "latest" in other software.
export const otherSoftwareSenses = [
  'add tags to products in shopify',
  'how long should an html title tag be',
  'open graph tags for link previews on slack',
  'google tag manager trigger is not firing',
  'aws resource tags for cost allocation reports',
  'tag faces in google photos',
  'child_process exec vs spawn in node',
  'execute a shell command from java and read its output',
  'sql server exec with an output parameter',
  'latest stable version of python',
  'what is the newest macos and can my mac run it',
  'smart home hub for zigbee sensors',
  'usb hub does not power my external drive',
  'restic forget --prune keeps too many snapshots',
  'msbuild cannot find the target framework',
  'cmake release vs debug build type',
  'newest ubuntu lts, and when does it come out',
  'is it safe to install the latest kernel on my laptop',
  'check whether chrome is up to date',
  'mp4 vs mov for a youtube upload',
  'ffmpeg: remux an mkv into mp4 without re-encoding',
  'which codec does my video file use',
  'move the mac dock to my second monitor',
  'what layer of the osi model does tcp belong to',
  'l2 vs l3 vpn for connecting two offices',
];

// Package registries and publishing: npm, PyPI, Maven Central, NuGet, crates.io.
export const packagePublishing = [
  'npm publish says you do not have permission to publish this package',
  'publish a scoped package to the npm registry as public',
  'twine upload to pypi: invalid or non-existent authentication information',
  'upload to test.pypi.org first, then the real index',
  'deploy a jar to maven central, the staging repository will not close',
  'dotnet nuget push returns 409 conflict, the version already exists',
  'point npm at our private verdaccio registry only for one scope',
  'pip install from a private index with --extra-index-url safely',
  'unpublish a broken version from npm or deprecate it',
  'cargo publish fails because a path dependency has no version',
];

// Image processing in code and on the command line: Pillow, ImageMagick, sharp, OpenCV.
export const imageProcessing = [
  'resize an image with pillow and keep the aspect ratio',
  'imagemagick convert: make a thumbnail of every jpg in a folder',
  'sharp in node: resize and convert to webp',
  'opencv imread returns None for a png',
  'rotate a photo according to its exif orientation in python',
  'compress pngs losslessly from the command line',
  'read the pixel values of an image into a numpy array',
  'mogrify overwrote my originals, how to write to another folder',
  'crop the center square out of an image in javascript canvas',
];

// Disk image files: .img, .iso, .vhd, .qcow2 — mounting, converting, shrinking.
export const diskImageFiles = [
  'mount an .img file with several partitions on linux',
  'loop device: losetup -P to see the partitions of a raw image',
  'mount an iso on windows without extra software',
  'shrink a raspberry pi .img so it fits a smaller sd card',
  'open a .vhdx on windows to copy files out of it',
  'is /dev/sdb or /dev/sdc my thumb drive before I write the installer to it',
  'qemu-img convert raw to qcow2',
];

// Large files in git: LFS, big repos, shallow clones.
export const gitLargeFiles = [
  'git lfs track *.psd and push, but the files are still pointers on the server',
  'github says this exceeds the file size limit of 100 mb',
  'git clone of a huge repo is slow, shallow clone with depth 1?',
  'git lfs quota exceeded on github, what now',
  'remove a big file from every commit in the history',
  'sparse checkout only one folder of a monorepo',
  'git gc to make the .git folder smaller',
];

// Images in web pages, apps and CMSs: uploads, lazy loading, alt text, CDNs.
export const webImages = [
  'images load slowly on my shop, should I serve them from a cdn',
  'next/image shows a blurry placeholder forever',
  'alt text for decorative images, empty or left out?',
  'the media library in my cms rejects svg uploads',
  'store user profile pictures in s3 or in the database',
  'images are broken after moving the site to a new domain',
  'preload the hero image so the largest contentful paint improves',
  'flutter Image.network shows nothing for an https url',
];

// Keeping an app alive and updated outside containers: process managers, "latest" versions.
export const appRestartsAndVersions = [
  'pm2 keeps restarting my app in a loop, how do I see why',
  'pm2 or a plain systemd unit to keep an express api up on a vps',
  'nodemon ignores edits in the src folder, the watch list seems wrong',
  'gunicorn workers restart with WORKER TIMEOUT',
  'which node lts should a new project start on',
  'is the newest postgres major safe to upgrade to yet',
  'how do I know if my installed npm packages are outdated',
  'update python from 3.10 to 3.12 on ubuntu without breaking apt',
];

export const SOFTWARE_SENSES: readonly string[] = [
  ...gitSenses,
  ...imageEditing,
  ...webLayout,
  ...codeContainers,
  ...otherRegistries,
  ...diskAndSoundVolumes,
  ...processesAndDevices,
  ...diskImages,
  ...frameworksAndPipelines,
  ...machineLearning,
  ...otherSoftwareSenses,
  ...packagePublishing,
  ...imageProcessing,
  ...diskImageFiles,
  ...gitLargeFiles,
  ...webImages,
  ...appRestartsAndVersions,
];
