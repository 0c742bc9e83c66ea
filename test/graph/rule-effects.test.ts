import { describe, expect, it } from 'vitest';
import { collectRuleEffects } from '../../src/graph/rule-effects.js';
import type { DependencyRule } from '../../src/metadata/dependency-rule.js';
import { makeIndex, rule } from './fixtures.js';

const index = makeIndex(['frameworks/ecm', 'frameworks/kcoreaddons', 'kde/dolphin',
  'third-party/taglib']);

describe('collectRuleEffects', () => {
  it('numbers unknown sources after the projects, once each', () => {
    const unmatched: DependencyRule[] = [];
    const effects = collectRuleEffects({ index, rules: [
      rule('dolphin', 'Qt5'),
      rule('kcoreaddons', 'Qt5'),
      rule('dolphin', 'kcoreaddons'),
    ] }, unmatched);

    expect(effects.externals).toEqual(['Qt5']);
    expect(effects.dependents).toEqual([2, 1]);
    expect(effects.added[2]).toEqual([4, 1]);
    expect(effects.added[1]).toEqual([4]);
    expect(unmatched).toEqual([]);
  });

  it('keeps negations apart and leaves third-party out of wildcards', () => {
    const effects = collectRuleEffects({ index, rules: [
      rule('*', 'frameworks/ecm'),
      rule('dolphin', 'ecm', { negated: true }),
    ] }, []);

    // ecm itself gains ecm too: dropping self-edges is the graph's job.
    expect(effects.dependents).toEqual([0, 1, 2]);
    expect(effects.added[3]).toBeUndefined();
    expect(effects.cancelled[2]).toEqual([0]);
  });

  it('sets aside rules that match nothing and rules with a wildcard source', () => {
    const unmatched: DependencyRule[] = [];
    const rules = [rule('calligra', 'ecm'), rule('dolphin', 'frameworks/*')];
    const effects = collectRuleEffects({ index, rules }, unmatched);

    expect(unmatched).toEqual(rules);
    expect(effects.dependents).toEqual([]);
  });
});
