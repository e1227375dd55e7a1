/** One table of `npm run bench`. Ratios against peers measured in the same run belong in the rows. */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
}
