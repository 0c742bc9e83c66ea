import { describe, expect, it } from 'vitest';
import { CycleError } from '../../src/core/errors.js';
import { findCycle } from '../../src/graph/find-cycle.js';
import { graphFromEdges } from '../../src/graph/graph-from-edges.js';
import { orderProjects } from '../../src/graph/order-projects.js';

// The resolver cases of kdesrc-build / kde-builder, in our own words: edges
// read "dependent needs source".

describe('findCycle', () => {
  it('finds an item that needs itself', () => {
    expect(findCycle(graphFromEdges([['a', 'a'], ['b', 'a']]))).toEqual(['a', 'a']);
  });

  it('finds a two-node cycle from either end, starting at the smallest path', () => {
    const graph = graphFromEdges([['b', 'a'], ['a', 'b']]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'a']);
    expect(findCycle(graph, ['b', 'a'])).toEqual(['a', 'b', 'a']);
  });

  it('reports no cycle where there is none', () => {
    expect(findCycle(graphFromEdges([['a', 'b'], ['c', 'b'], ['c', 'a']]))).toBeUndefined();
  });

  it('lists the whole cycle along dependency edges', () => {
    const graph = graphFromEdges([['c', 'a'], ['b', 'c'], ['a', 'b'], ['d', 'a']]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('only looks at the subgraph of the nodes given', () => {
    const graph = graphFromEdges([['x', 'y'], ['y', 'x'], ['a', 'b']]);
    expect(findCycle(graph, ['a', 'b', 'x'])).toBeUndefined();
  });
});

describe('orderProjects', () => {
  // b and d need a, d needs c; e stands alone and is listed last.
  const graph = graphFromEdges([['b', 'a'], ['d', 'a'], ['d', 'c']], { nodes: ['e'] });

  it('puts dependencies first, then the most needed, then listed order', () => {
    const order = orderProjects(graph, ['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c', 'd', 'e']);
    expect(order).toEqual(['a', 'c', 'b', 'd', 'e']);
  });

  it('does not depend on the order the paths are given in', () => {
    const order = orderProjects(graph, ['e', 'd', 'c', 'b', 'a'], ['a', 'b', 'c', 'd', 'e']);
    expect(order).toEqual(['a', 'c', 'b', 'd', 'e']);
  });

  it('does not depend on the names when the listed order decides', () => {
    // The same shape with names whose alphabetical order says otherwise.
    const renamed = graphFromEdges([
      ['lexical1', 'nllfmvrb'], ['lexical2', 'nllfmvrb'], ['lexical2', 'avdnrvrl'],
    ], { nodes: ['lexicla3'] });
    const listed = ['nllfmvrb', 'lexical1', 'avdnrvrl', 'lexical2', 'lexicla3'];
    expect(orderProjects(renamed, [...listed].sort(), listed))
      .toEqual(['nllfmvrb', 'avdnrvrl', 'lexical1', 'lexical2', 'lexicla3']);
  });

  it('leaves out projects that are not selected', () => {
    expect(orderProjects(graph, ['c', 'd', 'e'], ['a', 'b', 'c', 'd', 'e']))
      .toEqual(['c', 'd', 'e']);
  });

  it('breaks ties by listed order, unlisted after listed, then by path', () => {
    // b and d need a, c, e and f; c is needed once, e and f twice like a.
    const wide = graphFromEdges([
      ['b', 'a'], ['d', 'a'], ['d', 'c'],
      ['b', 'e'], ['d', 'e'], ['b', 'f'], ['d', 'f'],
    ]);
    const all = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(orderProjects(wide, all, ['a', 'b', 'c', 'd', 'f', 'e']))
      .toEqual(['a', 'f', 'e', 'c', 'b', 'd']);
    expect(orderProjects(wide, all, ['e'])).toEqual(['e', 'a', 'f', 'c', 'b', 'd']);
    expect(orderProjects(wide, all, [])).toEqual(['a', 'e', 'f', 'c', 'b', 'd']);
  });

  it('counts transitive dependents, not only direct ones', () => {
    // z is needed by y only, but y is needed by three projects.
    const chain = graphFromEdges([
      ['y', 'z'], ['p', 'y'], ['q', 'y'], ['r', 'y'], ['s', 'a'], ['t', 'a'],
    ]);
    const order = orderProjects(chain, ['a', 'p', 'q', 'r', 's', 't', 'y', 'z'], ['a']);
    expect(order.slice(0, 3)).toEqual(['z', 'y', 'a']);
  });

  it('keeps order through a project left out of the selection', () => {
    // a needs x needs b; x is not selected, but b must still come first.
    const bridged = graphFromEdges([['a', 'x'], ['x', 'b']]);
    expect(orderProjects(bridged, ['a', 'b'], ['a', 'b'])).toEqual(['b', 'a']);
  });

  it('ignores external nodes', () => {
    const withQt = graphFromEdges([['a', 'Qt5'], ['b', 'Qt5'], ['b', 'a']], {
      external: ['Qt5'],
    });
    expect(orderProjects(withQt, ['b', 'a'], [])).toEqual(['a', 'b']);
  });

  it('throws CycleError naming the whole cycle', () => {
    const cyclic = graphFromEdges([['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'a']]);
    let error: unknown;
    try {
      orderProjects(cyclic, ['a', 'b', 'c', 'd'], []);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CycleError);
    expect((error as CycleError).cycle).toEqual(['a', 'b', 'c', 'a']);
    expect((error as CycleError).message).toBe('dependency cycle: a → b → c → a');
    expect((error as CycleError).exitCode).toBe(2);
  });

  it('finds a cycle that passes through unselected projects', () => {
    const cyclic = graphFromEdges([['a', 'x'], ['x', 'b'], ['b', 'a'], ['y', 'y']]);
    expect(() => orderProjects(cyclic, ['a', 'b'], []))
      .toThrow('dependency cycle: a → x → b → a');
  });

  it('orders a long chain without running out of stack', () => {
    const edges: Array<[string, string]> = [];
    for (let i = 1; i < 2_000; i++) edges.push([`p${i}`, `p${i - 1}`]);
    const long = graphFromEdges(edges);
    const paths = [...long.nodes.keys()];
    const order = orderProjects(long, [...paths].reverse(), []);
    expect(order[0]).toBe('p0');
    expect(order.at(-1)).toBe('p1999');
    expect(findCycle(long)).toBeUndefined();
  });
});
