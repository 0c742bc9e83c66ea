/** A node of the build graph with the cost of building it. */
export interface WeightedTask {
  id: string;
  dependencies: readonly string[];
  /** Expected cost (the last build's duration), undefined when never built. */
  weight?: number;
}

/**
 * For every task, the cost of the longest chain from it to the end of the
 * graph: what cannot start before it finishes. Starting the highest first
 * keeps the critical path moving. Tasks come dependencies first; unknown
 * weights count as the mean of the known ones.
 */
export function criticalPathPriorities(tasks: readonly WeightedTask[]): Map<string, number> {
  const known = tasks.map((t) => t.weight).filter((w): w is number => w !== undefined && w > 0);
  const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;

  const dependents = new Map<string, string[]>();
  for (const task of tasks) {
    for (const dependency of task.dependencies) {
      dependents.set(dependency, [...(dependents.get(dependency) ?? []), task.id]);
    }
  }

  const priorities = new Map<string, number>();
  for (const task of [...tasks].reverse()) {
    const below = (dependents.get(task.id) ?? []).map((id) => priorities.get(id) ?? 0);
    const weight = task.weight !== undefined && task.weight > 0 ? task.weight : fallback;
    priorities.set(task.id, weight + Math.max(0, ...below));
  }
  return priorities;
}
