// Two kinds of error (DESIGN.md): internal errors carry a namespaced code and never reach
// chat as they are; a UserFacingError's message is written to be shown to a person.
import type { Finding } from './types.ts';

export class CoachError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CoachError';
    this.code = code;
  }
}

export class UserFacingError extends CoachError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'UserFacingError';
  }
}

/** The engine could not be reached; `finding` is the `daemon_unreachable` explanation. */
export class HostUnreachableError extends UserFacingError {
  readonly finding: Finding;
  constructor(finding: Finding, options?: { cause?: unknown }) {
    super('host.unreachable', finding.summary, options);
    this.name = 'HostUnreachableError';
    this.finding = finding;
  }
}

/** A request the read-only guard refused before sending it. */
export class ForbiddenRequestError extends CoachError {
  constructor(method: string, path: string) {
    super('host.forbidden_request', `refused ${method} ${path}: not on the read-only allow-list`);
    this.name = 'ForbiddenRequestError';
  }
}

export function isUserFacing(err: unknown): err is UserFacingError {
  return err instanceof UserFacingError;
}
