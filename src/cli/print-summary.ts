import type { TerminalOutput } from './terminal-output.js';

export interface SummaryRow {
  project: string;
  status: string;
  detail?: string;
}

/** Groups outcomes by status, in the order given, e.g. built, up to date, failed. */
export function printSummary(out: TerminalOutput, title: string, rows: SummaryRow[],
  statusOrder: string[]): void {
  out.print('');
  out.print(`${title}:`);
  const statuses = [...new Set([...statusOrder, ...rows.map((r) => r.status)])];
  for (const status of statuses) {
    const group = rows.filter((r) => r.status === status);
    if (group.length === 0) continue;
    out.print(`  ${status} (${group.length}):`);
    for (const row of group) {
      out.print(`    ${row.project}${row.detail ? ` — ${row.detail}` : ''}`);
    }
  }
}
