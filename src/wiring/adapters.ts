// Part of the composition root: builds the platform adapters whose settings are present.
import type { BotHandle, PlatformAdapter } from '../core/ports.ts';
import type { Runtime } from '../main.ts';

export async function buildAdapters(rt: Runtime, handle: BotHandle): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  void rt;
  void handle;
  return adapters;
}
