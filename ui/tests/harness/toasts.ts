import { toast } from "svelte-sonner";
import { expect, vi } from "vitest";

type Action = { label: string; onClick: () => void };

/**
 * The last success toast: its text and, when offered, its Undo button. For test files that mock
 * svelte-sonner (`vi.mock("svelte-sonner", …)`), so that `toast.success` is a spy.
 */
export function lastDone(): { message: string; action?: Action } {
  const call = vi.mocked(toast.success).mock.calls.at(-1);
  expect(call, "a success toast").toBeDefined();
  const [message, options] = call as unknown as [string, { action?: Action } | undefined];
  return { message, action: options?.action };
}
