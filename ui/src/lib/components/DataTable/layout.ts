import type { Column } from "./column";

const DEFAULT_WIDTH_REM = 10;
const NUMERIC_WIDTH_REM = 6;

export function widthOf<Row>(column: Column<Row>): number {
  return column.width ?? (column.numeric ? NUMERIC_WIDTH_REM : DEFAULT_WIDTH_REM);
}

export function priorityOf<Row>(column: Column<Row>): number {
  return column.priority ?? (column.rowHeader ? 1 : 2);
}

/**
 * Which columns fit in `availableRem` (what the table's own controls leave): the most important
 * first, then by their order; columns of priority 1 always stay. An unknown width (0: not laid
 * out yet) shows every column.
 */
export function foldColumns<Row>(
  columns: readonly Column<Row>[],
  availableRem: number,
): { shown: Column<Row>[]; folded: Column<Row>[] } {
  if (availableRem <= 0) return { shown: [...columns], folded: [] };
  const byImportance = columns
    .map((column, index) => ({ column, index }))
    .sort((a, b) => priorityOf(a.column) - priorityOf(b.column) || a.index - b.index);
  const kept = new Set<string>();
  let used = 0;
  for (const { column } of byImportance) {
    const width = widthOf(column);
    if (priorityOf(column) <= 1 || used + width <= availableRem) {
      kept.add(column.id);
      used += width;
    }
  }
  return {
    shown: columns.filter((c) => kept.has(c.id)),
    folded: columns.filter((c) => !kept.has(c.id)),
  };
}

/** Each shown column's share of the width, in percent, in proportion to the width it needs. */
export function widthShares<Row>(columns: readonly Column<Row>[]): number[] {
  const total = columns.reduce((sum, c) => sum + widthOf(c), 0);
  return columns.map((c) => (total === 0 ? 0 : (widthOf(c) / total) * 100));
}

export type SortState = { key: string; ascending: boolean };

/** The rows ordered by one column; values missing (`null`, "") go last in either direction. */
export function sortRows<Row>(rows: readonly Row[], column: Column<Row>, ascending: boolean, locale: string): Row[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
  const key = column.sortValue ?? column.value;
  const keyed = rows.map((row) => ({ row, value: key(row) }));
  const missing = (v: string | number | null) => v === null || v === "";
  keyed.sort((a, b) => {
    if (missing(a.value) || missing(b.value)) return Number(missing(a.value)) - Number(missing(b.value));
    const order =
      typeof a.value === "number" && typeof b.value === "number"
        ? a.value - b.value
        : collator.compare(String(a.value), String(b.value));
    return ascending ? order : -order;
  });
  return keyed.map((k) => k.row);
}

/** The next sort after a click on a column's header: ascending first, then descending. */
export function nextSort(current: SortState | null, key: string): SortState {
  return current?.key === key ? { key, ascending: !current.ascending } : { key, ascending: true };
}
