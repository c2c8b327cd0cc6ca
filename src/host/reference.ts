// Is a subject something Docker could call a container or an image? Checked before anything is
// asked of the engine: `app:.`, `a@b`, `MyApp:1` or a 3,000-character string are invalid names,
// and the person is told why — not sent an engine error (the engine answers 400) dressed up as
// "the engine cannot be reached". The image grammar is distribution/reference's.
import type { Finding } from '../core/types.ts';

/** Docker's limit for a repository name; nothing longer can be a name or a reference. */
export const MAX_REFERENCE_CHARS = 255;
/** Container names people use are far shorter; past this, we do not treat it as one. */
export const MAX_CONTAINER_NAME_CHARS = 128;

const CONTAINER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const DOMAIN_PART = String.raw`(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])`;
const DOMAIN = String.raw`(?:${DOMAIN_PART}(?:\.${DOMAIN_PART})*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?`;
const PATH_PART = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const TAG = String.raw`[\w][\w.-]{0,127}`;
const DIGEST = String.raw`[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`;
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${PATH_PART}(?:/${PATH_PART})*(?::${TAG})?(?:@${DIGEST})?$`);

export function isContainerName(s: string): boolean {
  return s.length <= MAX_CONTAINER_NAME_CHARS && CONTAINER_NAME.test(s) && s.replace(/^\//, '').length > 0;
}

export function isImageReference(s: string): boolean {
  if (s.length > MAX_REFERENCE_CHARS + 128 + 80) return false;
  const at = s.indexOf('@');
  const name = at === -1 ? s : s.slice(0, at);
  const colon = name.lastIndexOf(':');
  const repo = colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
  return repo.length <= MAX_REFERENCE_CHARS && REFERENCE.test(s);
}

export type SubjectCheck = { ok: true; container: boolean; image: boolean } | { ok: false; problem: string };

/** Can this subject name a container or an image? If not, what is wrong with it, in plain words. */
export function checkSubject(subject: string): SubjectCheck {
  const s = subject.trim();
  const container = isContainerName(s);
  const image = isImageReference(s);
  if (container || image) return { ok: true, container, image };
  return { ok: false, problem: whyInvalid(s) };
}

function whyInvalid(s: string): string {
  if (s.length > MAX_REFERENCE_CHARS) return `it is ${s.length} characters long; Docker names are at most ${MAX_REFERENCE_CHARS}`;
  if (s.replace(/^\/+/, '') === '') return 'it is empty once the leading `/` is taken off';
  if (/\s/.test(s)) return 'names have no spaces';
  if (/[A-Z]/.test(s) && /[:/@]/.test(s)) return 'image names are lower case (only the tag after `:` may have capitals)';
  const at = s.indexOf('@');
  if (at !== -1 && !new RegExp(`@${DIGEST}$`).test(s)) return 'after `@` comes a digest, such as `sha256:` and 64 hex characters';
  const name = at === -1 ? s : s.slice(0, at);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/') && !new RegExp(`^${TAG}$`).test(name.slice(colon + 1)))
    return 'a tag (after `:`) starts with a letter, digit or `_` and has only letters, digits, `_`, `.` and `-` (at most 128)';
  if (/^[^a-zA-Z0-9/]/.test(s)) return 'names start with a letter or a digit';
  return 'names have only letters, digits and `_ . -` (images also `/`, `:` for the tag and `@` for a digest)';
}

/** The finding for a subject that cannot be a Docker name (checked here, or refused by the engine with 400). */
export function invalidNameFinding(subject: string, problem: string, engineSaid?: string): Finding {
  const shown = subject.length > 80 ? `${subject.slice(0, 79)}…` : subject;
  return {
    code: 'invalid_name',
    severity: 'warning',
    subject: shown,
    evidence: { asked: shown, length: subject.length, problem, ...(engineSaid ? { engine: engineSaid.slice(0, 200) } : {}) },
    summary: `\`${shown}\` is not a valid container or image name, so nothing can be called that: ${problem}.`,
    fix: ['docker ps -a --format "{{.Names}}"', 'docker images --format "{{.Repository}}:{{.Tag}}"', 'Ask again with one of those names.'],
  };
}
