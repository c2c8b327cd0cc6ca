// The terminal the CLI talks to, injected so tests drive it in-process. Its own file so that
// cli.ts and chat.ts both use it without importing each other in a circle.
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}
