// The intent ids of the catalogue (shared/intents-catalogue.md), hard-coded here because the
// app must not read ../shared at run time. The knowledge base must hold exactly one file each.
export const REQUIRED_INTENT_IDS = [
  'concept.image',
  'concept.container',
  'concept.difference',
  'concept.lifecycle',
  'concept.immutability',
  'concept.layers',
  'concept.registry',
  'concept.many_containers',
  'concept.persistence',
  'concept.storage',
  'concept.restart_policy',
  'concept.when_to_use',
  'mistake.edit_running_container',
  'mistake.latest_tag',
  'mistake.ps_vs_images',
  'mistake.large_images',
  'mistake.rebuild_not_applied',
  'mistake.cleanup_confusion',
  'command.build',
  'command.run',
  'command.ps',
  'command.images',
  'command.stop_rm',
  'command.rmi',
  'command.exec',
  'command.logs',
  'diagnose.missing_container',
  'diagnose.exited',
  'diagnose.port_unreachable',
  'diagnose.daemon_unreachable',
  'host.list_containers',
  'host.list_images',
  'meta.greeting',
  'meta.help',
  'meta.thanks',
] as const;

export type CatalogueIntentId = (typeof REQUIRED_INTENT_IDS)[number];

/** Catalogue ids that have no intent in `ids`. */
export function missingIntentIds(ids: Iterable<string>): string[] {
  const have = new Set(ids);
  return REQUIRED_INTENT_IDS.filter((id) => !have.has(id));
}
