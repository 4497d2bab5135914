/** What the document benches share: medians and a plain text table. */

export const MB = 1_000_000;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** MB/s for `bytes` moved in `ms` milliseconds. */
export const megabytesPerSecond = (bytes: number, ms: number): number => bytes / MB / (ms / 1000);

/** Columns padded to their widest cell: the first `textColumns` left-aligned, the figures right-aligned. */
export function printTable(header: string[], rows: string[][], textColumns = 1): void {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column < textColumns ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}
