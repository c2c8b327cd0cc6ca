// The learning report's shaping: groups of alike questions under their nearest intent, rates,
// and the --since durations.
import { describe, expect, it } from 'vitest';
import { buildReport, groupUnanswered, parseSince } from '../../src/core/report.ts';

describe('groupUnanswered', () => {
  it('puts alike questions under the same nearest intent together, biggest group first', () => {
    const groups = groupUnanswered([
      { text: 'how do I log in to harbor registry', intent: 'none', nearestIntent: 'concept.registry', reason: 'none' },
      { text: 'bake sourdough bread', intent: 'none', nearestIntent: null, reason: 'none' },
      { text: 'harbor registry login fails', intent: 'none', nearestIntent: 'concept.registry', reason: 'none' },
      {
        text: 'login to harbor registry with robot account',
        intent: 'concept.registry',
        nearestIntent: 'concept.registry',
        reason: 'down',
      },
      { text: 'harbor registry login', intent: 'none', nearestIntent: 'command.run', reason: 'none' }, // other intent: its own group
    ]);
    expect(groups[0]).toMatchObject({ nearestIntent: 'concept.registry', count: 3, reasons: { none: 2, low: 0, down: 1 } });
    expect(groups[0]?.examples).toHaveLength(3);
    expect(groups).toHaveLength(3);
  });

  it('groups questions without text (texts not kept) per intent', () => {
    const groups = groupUnanswered([
      { text: null, intent: 'none', nearestIntent: 'concept.image', reason: 'none' },
      { text: null, intent: 'none', nearestIntent: 'concept.image', reason: 'none' },
    ]);
    expect(groups).toEqual([{ nearestIntent: 'concept.image', count: 2, reasons: { none: 2, low: 0, down: 0 }, examples: [] }]);
  });
});

describe('buildReport', () => {
  it('counts none under the nearest intent and gives rates', () => {
    const r = buildReport(
      {
        perDay: [{ day: 20_000, questions: 10 }],
        perIntent: [
          { intent: 'concept.image', answered: 8, low: 1, down: 2 },
          { intent: 'none', answered: 2, low: 0, down: 0 },
        ],
        noneByNearest: [{ intent: 'concept.image', none: 2 }],
        unanswered: [],
        questions: 10,
      },
      Date.UTC(2024, 0, 1),
      true,
    );
    expect(r.perDay).toEqual([{ day: '2024-10-04', questions: 10 }]);
    expect(r.byIntent).toEqual([{ intent: 'concept.image', answered: 8, none: 2, low: 1, down: 2, noneRate: 0.2, downRate: 0.25 }]);
    expect(r.since).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('parseSince', () => {
  it('reads hours, days and weeks; refuses anything else', () => {
    expect(parseSince('24h')).toBe(86_400_000);
    expect(parseSince('7d')).toBe(7 * 86_400_000);
    expect(parseSince('2W')).toBe(14 * 86_400_000);
    for (const bad of ['', '7', 'd', '0d', '-1d', '7 days', '99999d']) expect(parseSince(bad)).toBeNull();
  });
});
