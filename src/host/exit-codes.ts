// What a container's exit code means (ENGINE-NOTES.md, "Exit codes"). 128+N is "killed by
// signal N"; 137 is the ambiguous one: `docker kill`, a stop that outlived the grace period,
// or the OOM killer — only the engine's OOMKilled flag tells them apart.

export interface ExitMeaning {
  code: number;
  /** Short name: `normal exit`, `SIGKILL`… */
  name: string;
  /** Plain words. */
  meaning: string;
  /** The signal number when the code is 128+N. */
  signal?: number;
}

const SIGNALS: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  10: 'SIGUSR1',
  11: 'SIGSEGV',
  12: 'SIGUSR2',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
};

/** `oomKilled`: the engine's flag when known (inspect), else null/undefined (list only). */
export function exitCodeMeaning(code: number, oomKilled?: boolean | null): ExitMeaning {
  switch (code) {
    case 0:
      return { code, name: 'normal exit', meaning: 'the main process finished normally — a container whose command ends, ends' };
    case 1:
      return { code, name: 'application error', meaning: 'the application failed (a general error raised by the program itself)' };
    case 125:
      return {
        code,
        name: 'engine error',
        meaning: 'the engine could not run the container (a bad `docker run` option or an engine problem)',
      };
    case 126:
      return { code, name: 'cannot invoke', meaning: 'the command could not be invoked (not executable, or permission denied)' };
    case 127:
      return {
        code,
        name: 'command not found',
        meaning: 'the command was not found in the image (a typo, or a binary missing from the image or the PATH)',
      };
    case 137:
      return {
        code,
        name: 'SIGKILL',
        signal: 9,
        meaning:
          oomKilled === true
            ? 'killed with SIGKILL by the out-of-memory killer: it hit its memory limit'
            : `killed with SIGKILL: \`docker kill\`, a \`docker stop\` that outlived the grace period (10 s by default), or the out-of-memory killer (${
                oomKilled === false ? 'the engine did not flag OOM here' : 'check OOMKilled in `docker inspect`'
              })`,
      };
    case 139:
      return { code, name: 'SIGSEGV', signal: 11, meaning: 'the program crashed with a segmentation fault (invalid memory access)' };
    case 143:
      return {
        code,
        name: 'SIGTERM',
        signal: 15,
        meaning: 'stopped with SIGTERM: usually `docker stop` (or the host shutting down) and the program exited cleanly on it',
      };
  }
  if (code > 128 && code <= 128 + 64) {
    const signal = code - 128;
    const name = SIGNALS[signal] ?? `signal ${signal}`;
    return { code, name, signal, meaning: `killed by ${name} (signal ${signal})` };
  }
  if (code < 0) return { code, name: 'unknown', meaning: 'the engine reported no usable exit code' };
  return { code, name: 'application exit code', meaning: `the application chose exit code ${code}: its own logs say why` };
}
