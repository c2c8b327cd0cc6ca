// Out-of-scope sentences, part five: Docker's words in everyday life — shipping and kitchen
// containers, the garden's pruning, a wedding registry, the volume knob, building a birdhouse,
// running a 10k, a port of call. People ask these in the same chat, and "container" or "prune"
// alone must not pull them into a Docker topic. Written by hand, grouped by field; none is taken
// from test/fixtures (a test checks for near-copies of every set there).

// Shipping, moving and storage containers; kitchen and garden containers.
export const physicalContainers = [
  'difference between a 20ft and a 40ft high cube',
  'how long does sea freight take from shanghai to rotterdam',
  'demurrage charges on an import container, who pays',
  'reefer container temperature setting for bananas',
  'turning a shipping container into a backyard office',
  'glass or plastic boxes for meal prep',
  'get the smell out of plastic lunch boxes',
  'organise a chest freezer with bins',
  'how many moving boxes for a two bedroom flat',
  'self storage unit or a portable storage pod for the move',
  'best pots for growing herbs on a windowsill',
  'do planters really need drainage holes',
  'which numbered plastic containers can go in recycling',
  'how many containers does the biggest cargo ship carry',
  'bill of lading number vs container seal number',
];

// Pruning, cutting back and trimming in the garden.
export const gardenPruning = [
  'when to cut back lavender',
  'is deadheading petunias really needed',
  'prune an old apple tree that was never pruned',
  'how short can I cut my hydrangea in autumn',
  'should I trim the lower leaves of my tomatoes',
  'pinch basil so it grows bushier',
  'pruning shears vs loppers',
  'can I prune an olive tree in summer',
];

// Gift registries, sound volume, and devices that keep restarting, at home.
export const homeAndGifts = [
  'how to add a cash fund to our honeymoon registry',
  'thank you note for a gift from our registry',
  'airpods got quieter after updating ios',
  'limit the maximum volume on my kid’s tablet',
  'boost the bass without turning the volume up',
  'volume of a sphere formula',
  'tv turns itself off and on again every evening',
  'smart speaker keeps restarting after a power cut',
];

// Build, run, push, pull, port, hub and layer outside software: hobbies, sport, food, travel.
export const everydayWords = [
  'how to build a birdhouse from one plank',
  'build a lego technic crane',
  'build a chicken coop on a budget',
  'best build for a mage in elden ring',
  'parts list to build a pc for video editing',
  'how do I run faster in a 10k',
  'what to wear running in freezing weather',
  'how long should a washing machine cycle run',
  'port a game from unity to godot',
  'port of call in barcelona, how long do cruise ships stay',
  'hdmi port on my monitor is not detected',
  'serial port access from python on windows',
  'ethernet port light blinking orange',
  'push-ups vs bench press for chest',
  'pull-up bar that fits a door frame',
  'which is better for hills, a rear hub or a crank motor on an electric bike',
  'layered jello shots that do not mix',
  'layering clothes for a winter hike',
  'latest news about the election',
  'rfid tag vs nfc tag',
  'luggage tag with my home address, safe or not',
  'what does an exec do in a startup',
  'compose a toast for my sister’s wedding',
  'chord progressions for a sad song',
  'musescore vs sibelius for writing sheet music',
  'deck building tips for hearthstone beginners',
  'best talent build for a warrior tank',
  'why is there a hole in the ozone layer',
  'which layer of the atmosphere do planes fly in',
];

export const EVERYDAY_SENSES: readonly string[] = [...physicalContainers, ...gardenPruning, ...homeAndGifts, ...everydayWords];
