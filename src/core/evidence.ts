// Evidence, not replacement: a diagnosis-type question asked in words gets its answer first
// (what 137 means, bind to 0.0.0.0), and the host adds a section only when it holds something
// about this person's case — a container or image the message names (or a close typo of one),
// the one container that fits the exit code, port or image given, or a request to look
// ("check my host"). Otherwise one short line offers to look. A container the person did not
// name only ever gets commands that read.
import { knowledgeAnswer, unitAnswer } from './answers.ts';
import { fitting, nameInText, plainName, recentlyStopped, subjectPhrase, type Specifics } from './case-match.ts';
import { diagnosisAnswer, hostSection } from './host-answers.ts';
import type { HostRoad } from './host-road.ts';
import type { DiagnoseRequest, HostPort, Intent, KnowledgeBase, Unit } from './ports.ts';
import type { Answer, Diagnosis, Entities, Finding, Question } from './types.ts';
import { pickUnitByWords } from './unit-pick.ts';

/** Picks the unit that answers `text` directly, or null for the whole article. */
export type PickUnit = (intent: Intent, text: string) => Unit | null;

export interface EvidenceRequest {
  q: Question;
  intent: Intent;
  confidence: number;
  entities: Entities;
  text: string;
  args: { name?: string; port?: number };
  /** The unit to answer with when the conversation chose it (a follow-up moved past the one just shown). */
  unit?: Unit;
}

/** "check my host", "look at the server", "scan the box": the person asks me to look. */
const ASKS_TO_LOOK =
  /\b(check|look(?:\s+(?:at|on|into|over))?|scan|peek(?:\s+at)?|go\s+through|inspect)\b[^.?!]{0,30}?\b(host|server|box|engine|machine|vm|containers)\b/i;

export function asksToLook(text: string): boolean {
  return ASKS_TO_LOOK.test(text);
}

/** What the host adds, if anything. */
type Section = { kind: 'case'; diagnosis: Diagnosis; lead: string; look?: boolean } | { kind: 'offer'; line: string } | { kind: 'nothing' };

export async function evidenceAnswer(
  r: EvidenceRequest,
  kb: KnowledgeBase,
  road: HostRoad,
  pick: PickUnit = pickUnitByWords,
  ordinaryWord: (word: string) => boolean = () => false,
): Promise<Answer> {
  // A follow-up click carries the intent's title as its text: the whole topic, not one unit.
  const unit = r.unit ?? (r.text === r.intent.title ? null : pick(r.intent, r.text));
  const a = unit ? unitAnswer(kb, r.intent, unit, r.confidence, r.entities) : knowledgeAnswer(kb, r.intent, r.confidence, r.entities);
  const res = await road.query(r.q, (h) => lookAtCase(h, r, ordinaryWord));
  if (!res.ok) {
    const miss = res.miss;
    if (miss.kind === 'unreachable') return { ...a, findings: [miss.finding], data: { kind: 'error', finding: miss.finding } };
    a.notices.push(miss.notice);
    return miss.kind === 'unread' ? { ...a, data: { kind: 'error', finding: miss.finding } } : a;
  }
  const s = res.value;
  a.hostUsed = true;
  if (s.kind === 'offer') a.blocks.push({ type: 'text', text: s.line });
  if (s.kind !== 'case') return a;
  // "check my host" with no narrower question: the look is the answer, not the whole article before it.
  if (s.look && !unit) return diagnosisAnswer(kb, r.intent.id, s.diagnosis, r.entities);
  const section = hostSection(s.diagnosis, s.lead);
  return {
    ...a,
    kind: section.findings.length ? 'diagnosis' : a.kind,
    blocks: [...a.blocks, ...section.blocks],
    findings: section.findings,
    commands: [...a.commands, ...section.commands].slice(0, 8),
    data: { kind: 'diagnosis', diagnosis: { ...s.diagnosis, findings: section.findings } },
  };
}

async function lookAtCase(h: HostPort, r: EvidenceRequest, ordinaryWord: (word: string) => boolean): Promise<Section> {
  const port = r.args.port ?? r.entities.ports[0]?.host ?? r.entities.ports[0]?.container;
  const exitCode = r.entities.exitCodes[0];
  const given = r.args.name ?? r.entities.names[0] ?? r.entities.images[0];
  const extra: DiagnoseRequest = { ...(port !== undefined ? { port } : {}), ...(exitCode !== undefined ? { exitCode } : {}) };
  if (given) return named(await h.diagnose({ subject: given, ...extra }), given);
  const list = await h.listContainers({ all: true });
  const word = nameInText(r.text, list) ?? subjectPhrase(r.text, ordinaryWord);
  if (word) return named(await h.diagnose({ subject: word, ...extra }), word);
  if (asksToLook(r.text)) {
    const d = await h.diagnose(port !== undefined ? { port } : {});
    return { kind: 'case', diagnosis: d, lead: 'On the connected host (read-only), the containers with something to report:', look: true };
  }
  const specifics: Specifics = {
    ...(exitCode !== undefined ? { exitCode } : {}),
    ...(port !== undefined ? { port } : {}),
  };
  const fits = fitting(list, specifics);
  const only = fits.length === 1 && fits[0] ? plainName(fits[0]) : null;
  if (only) {
    const d = await h.diagnose({ subject: only, ...(port !== undefined ? { port } : {}) });
    const why = exitCode !== undefined ? `exited with ${exitCode}` : `publishes port ${port ?? ''}`;
    // Not named by the person: no command for it at all, only the offer to look closer.
    return {
      kind: 'case',
      diagnosis: { ...d, findings: d.findings.map(askFirst) },
      lead: `On the connected host, one container ${why}: \`${only}\`. Is it yours? Here is what I see (read-only):`,
    };
  }
  return {
    kind: 'offer',
    line: offerLine(r.q, fits.length > 1 ? fits.flatMap((c) => plainName(c) ?? []).slice(0, 3) : recentlyStopped(list), fits.length > 1),
  };
}

/** A container the person did not name: its evidence, and `why NAME` as the only next step. */
function askFirst(f: Finding): Finding {
  const name = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(f.subject) ? f.subject : 'NAME';
  return { ...f, fix: [`If it is yours, ask \`why ${name}\` and I will say what to change.`] };
}

function named(d: Diagnosis, asked: string): Section {
  const shown = /^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]{0,127}$/.test(asked) ? `\`${asked}\`` : 'the name you gave';
  return { kind: 'case', diagnosis: d, lead: `On the connected host, about ${shown} (read-only):` };
}

function offerLine(q: Question, names: string[], fit: boolean): string {
  const cmd = q.platform === 'slack' || q.platform === 'discord' ? '/docker why NAME' : 'why NAME';
  if (names.length === 0) return `Want me to look at yours? Ask \`${cmd}\` with its name and I will check the connected host (read-only).`;
  const list = names.map((n) => `\`${n}\``).join(', ');
  return fit
    ? `Which container? Several here fit: ${list} — \`${cmd}\` and I will look.`
    : `Which container? Stopped recently here: ${list} — \`${cmd}\` and I will look.`;
}
