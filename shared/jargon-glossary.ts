/**
 * Special-education words a summary should not lean on, each with a plain alternative at grade 6 or lower
 * (docs/domain.md#reading-grade). Written for a para or a parent reading on a phone, not for the IEP team.
 */

export type JargonKind = 'acronym' | 'term' | 'measure' | 'prompt'

export interface GlossaryEntry {
  /** The word or phrasing as it usually appears in an IEP. */
  term: string
  /** What to say instead, in plain words. */
  plain: string
  kind: JargonKind
  /**
   * RegExp source when the term has several spellings or a shape ("80% accuracy in 4 of 5 trials" stands for
   * any such measure). Without it the term itself is matched, spaces and hyphens alike. Acronyms match in
   * their usual case only, everything else in any case; whole words either way.
   */
  pattern?: string
}

// Building blocks for the measure and prompt shapes.
const COUNT = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)`
const PERCENT = String.raw`\d{1,3}(?:\.\d+)?\s?(?:%|percent)`
const BEHAVIOR_ONE = 'behaviou?r(?:al)?'
const BEHAVIOR = String.raw`behaviou?rs?`

export const JARGON_GLOSSARY: readonly GlossaryEntry[] = [
  // Acronyms
  { kind: 'acronym', term: 'IEP', plain: 'The child’s written school plan. It lists goals and the help the school must give.' },
  { kind: 'acronym', term: 'FAPE', plain: 'The child’s right to a free public school that fits their needs.' },
  { kind: 'acronym', term: 'LRE', plain: 'Learning in the regular class with other kids as much as the child can.' },
  { kind: 'acronym', term: 'BIP', plain: 'A plan for behavior. It says how adults help the child act in safer ways.' },
  { kind: 'acronym', term: 'FBA', plain: 'A close look at why a behavior happens, so adults can help.' },
  { kind: 'acronym', term: '504 plan', pattern: String.raw`(?:Section\s+)?504(?:\s+[Pp]lans?)?`, plain: 'A school plan for a child with a disability. It gives changes like extra time or a quiet room.' },
  { kind: 'acronym', term: 'ESY', plain: 'School help over the summer, so the child does not lose skills.' },
  { kind: 'acronym', term: 'SLP', plain: 'The speech teacher. They help with talking, words and being understood.' },
  { kind: 'acronym', term: 'OT', plain: 'A helper for hand skills, like writing and buttons, and for the body’s senses.' },
  { kind: 'acronym', term: 'PT', plain: 'A helper for big body moves, like walking, balance and stairs.' },
  { kind: 'acronym', term: 'AAC', plain: 'Ways to talk without speech, like a talk app, picture cards or signs.' },
  { kind: 'acronym', term: 'ABA', plain: 'A way of teaching skills in small steps, with praise or rewards for each step.' },
  { kind: 'acronym', term: 'SDI', plain: 'Teaching that is changed to fit how this child learns.' },
  { kind: 'acronym', term: 'PLAAFP', pattern: 'PLAA?FPs?', plain: 'What the child can do now, at school and in daily life.' },
  { kind: 'acronym', term: 'PLOP', pattern: 'PLOPs?|PLEPs?', plain: 'What the child can do now, at school and in daily life.' },
  { kind: 'acronym', term: 'BCBA', plain: 'A behavior expert. They help plan how adults respond to behavior.' },
  { kind: 'acronym', term: 'IEE', plain: 'A check of the child by an expert who does not work for the school.' },
  { kind: 'acronym', term: 'ELA', plain: 'Reading and writing class.' },
  { kind: 'acronym', term: 'IDEA', plain: 'The law that gives children with disabilities the right to help at school.' },
  { kind: 'acronym', term: 'SPED', pattern: 'SPED|SpEd', plain: 'Special education. It means extra teaching and help for a child who needs it.' },
  { kind: 'acronym', term: 'RTI', plain: 'Extra help in small steps for kids who are behind, before or alongside a plan.' },
  { kind: 'acronym', term: 'MTSS', plain: 'The school’s way of giving more help to kids who need more.' },
  { kind: 'acronym', term: 'PBIS', plain: 'A school-wide way of teaching good behavior and praising it.' },
  { kind: 'acronym', term: 'ASD', plain: 'Autism. No two kids with autism are alike.' },
  { kind: 'acronym', term: 'SLD', plain: 'Trouble with one kind of learning, like reading or math.' },
  { kind: 'acronym', term: 'OHI', plain: 'A health need that makes school harder, like ADHD.' },
  { kind: 'acronym', term: 'EBD', plain: 'Big feelings or behavior that make school hard.' },
  { kind: 'acronym', term: 'PWN', plain: 'A letter from the school that says what it plans to do or not do, and why.' },
  { kind: 'acronym', term: 'CBM', plain: 'Short, quick tests done often to check progress.' },
  { kind: 'acronym', term: 'PECS', plain: 'Picture cards the child hands to an adult to ask for things.' },
  { kind: 'acronym', term: 'CVC', plain: 'Short words with three sounds, like cat, sun or map.' },
  { kind: 'acronym', term: 'DTT', plain: 'Teaching one small skill over and over, with a reward each time.' },
  { kind: 'acronym', term: 'LEA', plain: 'The school district. Its staff member at the meeting can say yes to help.' },

  // Terms
  { kind: 'term', term: 'manifestation determination', plain: 'A meeting after a big rule break. It asks: was it caused by the disability?' },
  { kind: 'term', term: 'least restrictive environment', plain: 'Learning in the regular class with other kids as much as the child can.' },
  { kind: 'term', term: 'free appropriate public education', plain: 'The child’s right to a free public school that fits their needs.' },
  { kind: 'term', term: 'accommodation', pattern: 'accommodations?', plain: 'A change in how the child learns or shows what they know, like extra time. The work stays the same.' },
  { kind: 'term', term: 'modification', pattern: String.raw`modifications?|modified\s+(?:curriculum|work|assignments?|grading|tests?)`, plain: 'A change in what the child is asked to learn, like fewer or easier problems.' },
  { kind: 'term', term: 'prompt hierarchy', pattern: String.raw`prompt(?:ing)?\s+hierarch(?:y|ies)`, plain: 'The order of help, from a lot of help down to a little, or the other way.' },
  { kind: 'term', term: 'least-to-most prompting', pattern: String.raw`(?:least|most)[\s-]+to[\s-]+(?:most|least)(?:\s+(?:prompting|prompts?))?`, plain: 'Start with a little help. Give more only if the child needs it.' },
  { kind: 'term', term: 'task analysis', pattern: String.raw`task\s+analys[ie]s`, plain: 'A big job broken into small steps, taught one at a time.' },
  { kind: 'term', term: 'antecedent', pattern: 'antecedents?', plain: 'What happens right before the child acts.' },
  { kind: 'term', term: 'ABC data', pattern: String.raw`ABC\s+(?:data|chart|notes?)|antecedent[\s-]+${BEHAVIOR}[\s-]+consequences?`, plain: 'Notes on what came before, what the child did, and what came after.' },
  { kind: 'term', term: 'replacement behavior', pattern: String.raw`replacement\s+(?:${BEHAVIOR}|skills?)`, plain: 'A better way for the child to get what they need, like asking for a break.' },
  { kind: 'term', term: 'target behavior', pattern: String.raw`target(?:ed)?\s+${BEHAVIOR}`, plain: 'The one behavior the team is working on.' },
  { kind: 'term', term: 'maladaptive behavior', pattern: String.raw`maladaptive\s+${BEHAVIOR}`, plain: 'A behavior that gets in the way or is not safe.' },
  { kind: 'term', term: 'function of behavior', pattern: String.raw`functions?\s+of\s+(?:the\s+)?${BEHAVIOR}`, plain: 'The reason for a behavior: what the child gets or gets away from.' },
  { kind: 'term', term: 'functional behavior assessment', pattern: String.raw`functional\s+${BEHAVIOR_ONE}\s+assessments?`, plain: 'A close look at why a behavior happens, so adults can help.' },
  { kind: 'term', term: 'behavior intervention plan', pattern: String.raw`${BEHAVIOR_ONE}\s+intervention\s+plans?`, plain: 'A plan for behavior. It says how adults help the child act in safer ways.' },
  { kind: 'term', term: 'specially designed instruction', plain: 'Teaching that is changed to fit how this child learns.' },
  { kind: 'term', term: 'present levels', pattern: String.raw`present\s+levels?(?:\s+of\s+(?:academic\s+achievement\s+and\s+functional\s+performance|performance|educational\s+performance))?`, plain: 'What the child can do now, at school and in daily life.' },
  { kind: 'term', term: 'extended school year', plain: 'School help over the summer, so the child does not lose skills.' },
  { kind: 'term', term: 'generalize', pattern: 'generali[sz](?:e|es|ed|ing|ation)', plain: 'Use a skill in new places and with new people, not just where it was taught.' },
  { kind: 'term', term: 'fade prompts', pattern: String.raw`fad(?:e|es|ed|ing)\s+(?:of\s+)?(?:the\s+)?(?:adult\s+)?(?:prompts?|prompting|cues?|supports?)|prompt\s+fading`, plain: 'Give less and less help over time, so the child can do it alone.' },
  { kind: 'term', term: 'on-task behavior', pattern: String.raw`on[\s-]task(?:\s+${BEHAVIOR})?`, plain: 'Doing the work that was asked: eyes, hands and mind on it.' },
  { kind: 'term', term: 'off-task behavior', pattern: String.raw`off[\s-]task(?:\s+${BEHAVIOR})?`, plain: 'Doing something other than the work that was asked.' },
  { kind: 'term', term: 'non-compliance', pattern: String.raw`non[\s-]?complian(?:ce|t)`, plain: 'Not doing what an adult asked. Ask why: is it too hard, or too much?' },
  { kind: 'term', term: 'self-regulation', pattern: String.raw`self[\s-]regulat(?:ion|e|es|ed|ing)`, plain: 'Calming down and handling big feelings on your own.' },
  { kind: 'term', term: 'co-regulation', pattern: String.raw`co[\s-]?regulat(?:ion|e|es|ed|ing)`, plain: 'An adult stays calm and close to help the child calm down.' },
  { kind: 'term', term: 'dysregulation', pattern: 'dysregulat(?:ion|ed)', plain: 'Upset to the point the child cannot calm down alone.' },
  { kind: 'term', term: 'de-escalation', pattern: String.raw`de[\s-]?escalat(?:ion|e|es|ed|ing)`, plain: 'Helping a child calm down before things get worse.' },
  { kind: 'term', term: 'sensory diet', pattern: String.raw`sensory\s+diets?`, plain: 'A daily plan of movement and touch breaks that help the child stay calm and alert.' },
  { kind: 'term', term: 'sensory break', pattern: String.raw`(?:sensory|movement)\s+breaks?`, plain: 'A short break to move, stretch or be quiet, then come back.' },
  { kind: 'term', term: 'push-in', pattern: String.raw`push-?in(?:\s+(?:services?|support|model))?`, plain: 'The helper comes into the regular class to work with the child there.' },
  { kind: 'term', term: 'pull-out', pattern: String.raw`pull-?out(?:\s+(?:services?|support|model))?`, plain: 'The child leaves class for a short time to work with a helper in another room.' },
  { kind: 'term', term: 'related services', pattern: String.raw`related\s+services?`, plain: 'Extra help beyond class, like speech, movement or counseling help.' },
  { kind: 'term', term: 'direct services', pattern: String.raw`(?:direct|indirect|consultative|consult)\s+services?`, plain: 'Direct means the helper works with the child. Indirect means the helper advises the adults.' },
  { kind: 'term', term: 'baseline', pattern: String.raw`baselines?(?:\s+data)?`, plain: 'Where the child started, before the new goal.' },
  { kind: 'term', term: 'benchmark', pattern: 'benchmarks?', plain: 'A smaller step on the way to the goal, with a date.' },
  { kind: 'term', term: 'short-term objectives', pattern: String.raw`short[\s-]term\s+objectives?`, plain: 'Smaller steps on the way to the goal.' },
  { kind: 'term', term: 'mastery criteria', pattern: String.raw`mastery\s+(?:criteria|criterion|level)|criteria\s+for\s+mastery`, plain: 'How well and how often the child must do it for the goal to count as met.' },
  { kind: 'term', term: 'data collection', pattern: String.raw`data\s+collection|collect(?:s|ed|ing)?\s+data`, plain: 'Adults write down what happens, so we can see progress.' },
  { kind: 'term', term: 'progress monitoring', pattern: String.raw`progress\s+monitoring`, plain: 'Checking often how the child is doing on the goal.' },
  { kind: 'term', term: 'curriculum-based measurement', pattern: String.raw`curriculum[\s-]based\s+(?:measurements?|assessments?|probes?)`, plain: 'Short, quick tests done often to check progress.' },
  { kind: 'term', term: 'assistive technology', pattern: String.raw`assistive\s+(?:technology|tech|devices?)`, plain: 'Tools that help the child do the work, like a tablet, a pencil grip or a talk app.' },
  { kind: 'term', term: 'executive functioning', pattern: String.raw`executive\s+function(?:ing|s)?`, plain: 'Skills to plan, get started, stay on track and keep steps in mind.' },
  { kind: 'term', term: 'fine motor skills', pattern: String.raw`fine[\s-]motor(?:\s+skills?)?`, plain: 'Hand skills, like writing, cutting and buttons.' },
  { kind: 'term', term: 'gross motor skills', pattern: String.raw`gross[\s-]motor(?:\s+skills?)?`, plain: 'Big body skills, like running, jumping and balance.' },
  { kind: 'term', term: 'expressive language', pattern: String.raw`expressive\s+(?:language|communication)`, plain: 'How the child gets their ideas across to others.' },
  { kind: 'term', term: 'receptive language', pattern: String.raw`receptive\s+(?:language|communication)`, plain: 'How well the child understands what others say.' },
  { kind: 'term', term: 'pragmatic language', pattern: String.raw`(?:social\s+)?pragmatics|pragmatic\s+(?:language|skills?)`, plain: 'How we talk with others: take turns, stay on topic, read faces.' },
  { kind: 'term', term: 'functional communication', pattern: String.raw`functional\s+communication(?:\s+training)?`, plain: 'Teaching the child a clear way to ask for what they need.' },
  { kind: 'term', term: 'phonemic awareness', pattern: String.raw`phon(?:emic|ological)\s+awareness`, plain: 'Hearing and playing with the sounds in words.' },
  { kind: 'term', term: 'decoding', pattern: 'decod(?:e|es|ed|ing)', plain: 'Sounding out a written word to read it.' },
  { kind: 'term', term: 'reading fluency', pattern: String.raw`(?:oral\s+)?(?:reading\s+)?fluency`, plain: 'Reading smoothly, at a good speed, with few mistakes.' },
  { kind: 'term', term: 'reinforcement', pattern: String.raw`(?:positive\s+|negative\s+)?reinforce(?:ment|ments|rs?)`, plain: 'Something the child likes, given right after a good try, so it happens again.' },
  { kind: 'term', term: 'token board', pattern: String.raw`token\s+(?:boards?|economy|system|charts?)`, plain: 'A chart where the child earns stars or tokens toward a reward.' },
  { kind: 'term', term: 'first-then board', pattern: String.raw`first[\s/-]+then\s+(?:boards?|charts?|cards?)|first[-/]then`, plain: 'A card that shows: first this task, then something you like.' },
  { kind: 'term', term: 'visual schedule', pattern: String.raw`visual\s+schedules?`, plain: 'A picture list of what comes next in the day.' },
  { kind: 'term', term: 'social story', pattern: String.raw`social\s+(?:stor(?:y|ies)|narratives?)`, plain: 'A short story with pictures that shows what will happen and what to do.' },
  { kind: 'term', term: 'elopement', pattern: 'elope(?:ment|s|d)?|eloping', plain: 'Leaving a room or area without asking. This can be unsafe.' },
  { kind: 'term', term: 'perseveration', pattern: 'perseverat(?:ion|es|ed|ing|e)', plain: 'Getting stuck on one topic or action and finding it hard to stop.' },
  { kind: 'term', term: 'self-stimulatory behavior', pattern: String.raw`stimming|self[\s-]stimulatory(?:\s+${BEHAVIOR})?`, plain: 'Moves or sounds the child repeats, like rocking or humming. They often help the child feel calm.' },
  { kind: 'term', term: 'scaffolding', pattern: 'scaffold(?:ing|s|ed)?', plain: 'Extra help at first, taken away bit by bit.' },
  { kind: 'term', term: 'chunking', pattern: String.raw`chunking|chunk(?:s|ed)?\s+(?:tasks?|assignments?|directions?|work)`, plain: 'Breaking work into small parts, one at a time.' },
  { kind: 'term', term: 'discrete trial training', pattern: String.raw`discrete\s+trials?(?:\s+(?:training|teaching|instruction))?`, plain: 'Teaching one small skill over and over, with a reward each time.' },
  { kind: 'term', term: 'extinction', plain: 'Adults stop giving the reward that kept a behavior going. It may get worse before it gets better.' },
  { kind: 'term', term: 'general education setting', pattern: String.raw`general\s+education(?:\s+(?:setting|classroom|class|curriculum|environment))?|gen\.?\s+ed\.?`, plain: 'The regular class, with the other kids in the grade.' },
  { kind: 'term', term: 'self-contained classroom', pattern: String.raw`self[\s-]contained(?:\s+(?:classroom|class|setting|program))?`, plain: 'A small class just for kids who get special help.' },
  { kind: 'term', term: 'resource room', pattern: String.raw`resource\s+(?:room|class|program)`, plain: 'A room where the child gets extra teaching for part of the day.' },
  { kind: 'term', term: 'inclusion', pattern: String.raw`inclusion|inclusive\s+(?:classroom|class|setting)`, plain: 'The child learns in the regular class with other kids, with help.' },
  { kind: 'term', term: 'one-to-one aide', pattern: String.raw`(?:one[\s-]to[\s-]one|1:1)(?:\s+(?:aide|para|paraprofessional|support))?`, plain: 'An adult who works with just this child.' },
  { kind: 'term', term: 'paraprofessional', pattern: 'paraprofessionals?|paraeducators?', plain: 'A school aide who works with the child in class.' },
  { kind: 'term', term: 'case manager', pattern: String.raw`case\s+managers?`, plain: 'The teacher in charge of the plan. Call them with questions.' },
  { kind: 'term', term: 'annual review', pattern: String.raw`annual\s+(?:review|IEP\s+meeting)`, plain: 'The yearly meeting to check the plan and write new goals.' },
  { kind: 'term', term: 'triennial evaluation', pattern: String.raw`triennial(?:\s+(?:review|evaluation|reevaluation|re-evaluation))?|re-?evaluation`, plain: 'A full new check of the child, every three years.' },
  { kind: 'term', term: 'eligibility', pattern: String.raw`eligibility(?:\s+categor(?:y|ies))?`, plain: 'Whether the child can get special help at school, and for what need.' },
  { kind: 'term', term: 'transition plan', pattern: String.raw`transition\s+(?:plans?|services|planning)`, plain: 'The plan for life after high school: work, more school and living.' },
  { kind: 'term', term: 'prior written notice', plain: 'A letter from the school that says what it plans to do or not do, and why.' },
  { kind: 'term', term: 'procedural safeguards', pattern: String.raw`procedural\s+safeguards?`, plain: 'The rights parents have in special education, and how to use them.' },
  { kind: 'term', term: 'due process', pattern: String.raw`due\s+process(?:\s+(?:hearing|complaint))?`, plain: 'A formal way to settle a fight with the school. A hearing officer decides.' },

  // Measures
  {
    kind: 'measure',
    term: '80% accuracy in 4 of 5 trials',
    pattern: String.raw`(?:(?:with|at)\s+)?(?:${PERCENT}\s+(?:accuracy\s+)?(?:in|on|across|over|for)\s+)?${COUNT}\s+(?:out\s+)?of\s+${COUNT}\s+(?:(?:observed|consecutive|structured|recorded|data|weekly|daily|given|school)\s+)?(?:trials|opportunities|probes|sessions|attempts|observations|data\s+points|days)`,
    plain: 'It has to go well most times. For example, 4 good tries out of 5.',
  },
  { kind: 'measure', term: 'with 80% accuracy', pattern: String.raw`(?:with|at)\s+${PERCENT}\s+accuracy|${PERCENT}\s+accuracy`, plain: 'Right most of the time. 80% means 8 out of 10 right.' },
  { kind: 'measure', term: 'in 80% of intervals', pattern: String.raw`(?:in|during|for)\s+${PERCENT}\s+of\s+(?:observed\s+)?(?:\d+[\s-]+(?:second|minute)\s+)?intervals`, plain: 'The adult checks every few minutes. 80% means yes at 8 of 10 checks.' },
  { kind: 'measure', term: 'in 3 consecutive sessions', pattern: String.raw`(?:(?:in|over|across|for)\s+)?${COUNT}\s+consecutive\s+(?:sessions|trials|days|school\s+days|weeks|probes|opportunities|data\s+points|observations)`, plain: 'That many times in a row, with no misses in between.' },
  {
    kind: 'measure',
    term: 'as measured by teacher observation',
    pattern: String.raw`as\s+measured\s+by\s+(?:the\s+)?(?:(?:teacher|staff|therapist|SLP|OT|classroom|curriculum-based|direct|weekly|daily|monthly|progress|para|paraprofessional|student|team)\s+)*(?:observations?|data\s+collection|data|charts?|records?|work\s+samples?|probes?|checklists?|rubrics?|logs?|tally\s+sheets?|assessments?|tests?|reports?|notes)`,
    plain: 'How we check: an adult watches and writes down what happens.',
  },
  { kind: 'measure', term: 'across settings', pattern: String.raw`across\s+(?:\d+\s+|two\s+|three\s+|multiple\s+|all\s+)?(?:settings|environments|school\s+settings)`, plain: 'In more than one place, like class, lunch and the playground.' },
  { kind: 'measure', term: 'interval recording', pattern: String.raw`(?:(?:partial|whole|momentary)[\s-]+(?:time\s+)?)?interval\s+(?:recording|sampling|data)`, plain: 'The adult checks every few minutes and marks yes or no.' },
  { kind: 'measure', term: 'frequency count', pattern: String.raw`frequency\s+(?:counts?|data|recording)`, plain: 'Counting how many times a thing happens.' },
  { kind: 'measure', term: 'duration recording', pattern: String.raw`duration\s+(?:data|recording)`, plain: 'Timing how long something lasts.' },
  { kind: 'measure', term: 'latency', plain: 'How long it takes the child to start after being asked.' },

  // Prompts
  { kind: 'prompt', term: 'given a verbal prompt', pattern: String.raw`given\s+(?:(?:a|an|one|1|a\s+single)\s+)?verbal\s+(?:prompts?|cues?|reminders?)`, plain: 'After an adult says a short reminder, like “Back to work.”' },
  { kind: 'prompt', term: 'verbal prompt', pattern: String.raw`verbal\s+(?:prompts?|cues?|prompting)`, plain: 'A few spoken words to help, like “Next step?”' },
  { kind: 'prompt', term: 'with no more than 2 prompts', pattern: String.raw`with\s+(?:no\s+more\s+than|fewer\s+than|less\s+than|a\s+maximum\s+of|at\s+most|up\s+to)\s+${COUNT}\s+(?:(?:adult|verbal|visual|gestural|teacher|staff)\s+)?(?:prompts?|cues?|reminders?|redirections?)`, plain: 'The adult helps only that many times, or fewer.' },
  { kind: 'prompt', term: 'given a visual cue', pattern: String.raw`given\s+(?:(?:a|an|one|1)\s+)?visual\s+(?:cues?|prompts?|supports?|reminders?|schedules?)`, plain: 'After the adult shows a picture, a card or a sign to help.' },
  { kind: 'prompt', term: 'visual prompt', pattern: String.raw`visual\s+(?:prompts?|cues?|supports?)`, plain: 'A picture, card or sign that helps the child know what to do.' },
  { kind: 'prompt', term: 'gestural prompt', pattern: String.raw`gestur(?:al|e)\s+(?:prompts?|cues?)`, plain: 'The adult points or nods to show what to do.' },
  { kind: 'prompt', term: 'model prompt', pattern: String.raw`model(?:ing)?\s+prompts?`, plain: 'The adult shows how to do it first, then the child tries.' },
  { kind: 'prompt', term: 'partial physical prompt', pattern: String.raw`partial\s+physical\s+(?:prompts?|assistance|guidance)`, plain: 'A light touch, like a tap on the elbow, to help start.' },
  { kind: 'prompt', term: 'full physical prompt', pattern: String.raw`(?:full\s+)?physical\s+(?:prompts?|assistance|guidance)`, plain: 'The adult moves the child’s hands through the task.' },
  { kind: 'prompt', term: 'hand-over-hand', pattern: String.raw`hand[\s-]over[\s-]hand(?:\s+(?:assistance|guidance|prompts?))?`, plain: 'The adult’s hands are on the child’s hands, guiding them. Ask first.' },
  { kind: 'prompt', term: 'independently', pattern: String.raw`independently|with\s+(?:no|zero|0)\s+(?:adult\s+)?(?:prompts|prompting|cues)|without\s+(?:adult\s+)?(?:prompts?|prompting|cues?)`, plain: 'On their own, with no reminders or help from an adult.' },
  { kind: 'prompt', term: 'redirection', pattern: 'redirect(?:ion|ions|s|ed|ing)?', plain: 'The adult gently points the child back to the task.' },
  { kind: 'prompt', term: 'wait time', pattern: String.raw`wait\s+time|processing\s+time`, plain: 'Giving the child a few quiet seconds to think before helping.' },
]
