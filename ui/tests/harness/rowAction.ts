import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";

/** Opens a row's "⋯" menu and chooses the entry `testId`, as a person would with the mouse. */
export async function rowAction(row: HTMLElement, testId: string) {
  await fireEvent.click(within(row).getByTestId("row-menu"));
  const entry = await waitFor(() => within(row).getByTestId(testId));
  await fireEvent.click(entry);
}

/** The same for the first row that offers `testId`. */
export async function firstRowAction(rowTestId: string, testId: string) {
  for (const row of await screen.findAllByTestId(rowTestId)) {
    await fireEvent.click(within(row).getByTestId("row-menu"));
    const entry = within(row).queryByTestId(testId);
    if (entry) return fireEvent.click(entry);
    await fireEvent.keyDown(document.activeElement ?? row, { key: "Escape" });
  }
  throw new Error(`no row offers ${testId}`);
}
