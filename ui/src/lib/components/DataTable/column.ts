export type Column<Row> = {
  id: string;
  header: string;
  /** The cell's text; formatting and translation happen before the table sees it. */
  value: (row: Row) => string;
  numeric?: boolean;
  /** Render the cell as the row's header (`<th scope="row">`), for screen readers. */
  rowHeader?: boolean;
  testId?: string;
};
