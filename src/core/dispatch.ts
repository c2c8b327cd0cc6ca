// One table from an intent's `action` (its file says it) to the handler that answers it. The
// core routes every intent through ACTION_HANDLERS; no intent id appears in the routing.
import { helpAnswer, knowledgeAnswer } from './answers.ts';
import { containersAnswer, diagnosisAnswer, imagesAnswer } from './host-answers.ts';
import { evidenceAnswer, type PickUnit } from './evidence.ts';
import type { HostRoad } from './host-road.ts';
import { findSubject } from './host-search.ts';
import type { Action } from './intent-kinds.ts';
import type { DiagnoseRequest, HostPort, Intent, KnowledgeBase, Unit } from './ports.ts';
import type { Answer, Entities, Question } from './types.ts';

export interface ActionRequest {
  q: Question;
  intent: Intent;
  confidence: number;
  entities: Entities;
  /** The words the person used ("show all containers"). */
  text: string;
  /** Arguments of an explicit command: `why NAME --port N`, `ps --all`. */
  args: { name?: string; port?: number; all?: boolean };
  /** The answer unit the conversation chose (diagnose questions in words answer with it first). */
  unit?: Unit;
}

export interface ActionContext {
  kb: KnowledgeBase;
  host: HostRoad;
  /** Picks an intent's answer unit for a question (the shared unit picker); word overlap when absent. */
  pickUnit?: PickUnit;
  /** Ordinary words (never a container name): a phrase such as "service again" names nothing. */
  ordinaryWord?: (word: string) => boolean;
}

export type ActionHandler = (r: ActionRequest, c: ActionContext) => Promise<Answer>;

/** "show all containers", "the stopped ones", `-a`: the whole list, not only running ones. */
const WANTS_ALL = /\b(all|stopped|exited|dead|every)\b|-a\b/i;

export const ACTION_HANDLERS: Record<Action, ActionHandler> = {
  article: (r, c) => Promise.resolve(knowledgeAnswer(c.kb, r.intent, r.confidence, r.entities)),
  help: (r, c) => Promise.resolve(helpAnswer(c.kb, r.intent, c.host.connected)),
  // `why [NAME]` asks the host (the one where the subject is, when several are open here and none
  // is named); a question in words is answered first, the host adding evidence (core/evidence.ts).
  diagnose: async (r, c) => {
    if (r.q.command?.kind !== 'why') return evidenceAnswer(r, c.kb, c.host, c.pickUnit, c.ordinaryWord);
    const req = diagnoseRequest(r);
    const where = await findSubject(c.host, r.q, req);
    const a = await fromHost({ ...r, q: where.q }, c, async (h) =>
      diagnosisAnswer(c.kb, r.intent.id, where.diagnosis ?? (await h.diagnose(req)), r.entities),
    );
    if (where.notice) a.notices.push(where.notice);
    return a;
  },
  list_containers: (r, c) => {
    const all = r.args.all ?? WANTS_ALL.test(r.text);
    return fromHost(r, c, async (h) => containersAnswer(c.kb, r.intent, h.description, await h.listContainers({ all }), all));
  },
  list_images: (r, c) => fromHost(r, c, async (h) => imagesAnswer(c.kb, r.intent, h.description, await h.listImages())),
};

export function dispatch(r: ActionRequest, c: ActionContext): Promise<Answer> {
  return ACTION_HANDLERS[r.intent.action](r, c);
}

function diagnoseRequest(r: ActionRequest): DiagnoseRequest {
  const subject = r.args.name ?? r.entities.names[0] ?? r.entities.images[0];
  const port = r.args.port ?? r.entities.ports[0]?.host ?? r.entities.ports[0]?.container;
  const exitCode = r.entities.exitCodes[0];
  return {
    ...(subject ? { subject } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(exitCode !== undefined ? { exitCode } : {}),
  };
}

/** The host's answer; else the intent's article with a notice saying why the host was not read. */
async function fromHost(r: ActionRequest, c: ActionContext, run: (h: HostPort) => Promise<Answer>): Promise<Answer> {
  const res = await c.host.query(r.q, run);
  if (res.ok) return res.value;
  const miss = res.miss;
  if (miss.kind === 'unreachable') {
    // The engine itself cannot be reached: that is the finding to explain.
    const a = diagnosisAnswer(c.kb, r.intent.id, { host: miss.host, subject: null, findings: [miss.finding] }, r.entities);
    return { ...a, data: { kind: 'error', finding: miss.finding } };
  }
  const a = knowledgeAnswer(c.kb, r.intent, r.confidence, r.entities);
  a.notices.push(miss.notice);
  return miss.kind === 'unread' ? { ...a, data: { kind: 'error', finding: miss.finding } } : a;
}
