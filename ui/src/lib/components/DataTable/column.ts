import type { Snippet } from "svelte";

export type Column<Row> = {
  id: string;
  header: string;
  /** The cell's text: shown, sorted, and repeated in the row's details when the column folds away. */
  value: (row: Row) => string;
  /** What sorting compares when the shown text would sort wrongly (dates, amounts); `null` sorts last. */
  sortValue?: (row: Row) => string | number | null;
  /** Off for columns whose order means nothing (actions, lists). */
  sortable?: boolean;
  numeric?: boolean;
  /** Render the cell as the row's header (`<th scope="row">`), for screen readers. */
  rowHeader?: boolean;
  testId?: string;
  /**
   * 1: always shown. Larger numbers fold away first when the window is too narrow for every
   * column, so the table never scrolls sideways; a folded column's values stay in the row's details.
   */
  priority?: number;
  /** The width, in rem, the column needs to read well; the table shares its width in these proportions. */
  width?: number;
  /** Content richer than the text (a link, a badge); `value` still serves sorting and the details. */
  cell?: Snippet<[Row]>;
  /** A cell that may wrap onto more lines (a list of names); other cells stay on one line, with an ellipsis. */
  wrap?: boolean;
};

/** One action of a row's "⋯" menu. */
export type RowAction = {
  id: string;
  label: string;
  onselect: () => void;
  danger?: boolean;
  testId?: string;
};
