import type { ErrorCode, IpcError } from "$lib/bindings";

/** What every generated command resolves to (tauri-specta's status-tagged result). */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

/**
 * A failed command, thrown so that TanStack Query records it as the query's error.
 * The UI branches on `code`, never on `message` (the message is for details only).
 */
export class IpcFailure extends Error {
  readonly error: IpcError;

  constructor(error: IpcError) {
    super(error.message);
    this.name = "IpcFailure";
    this.error = error;
  }

  get code(): ErrorCode {
    return this.error.code;
  }
}

export function unwrap<T>(result: Result<T, IpcError>): T {
  if (result.status === "ok") return result.data;
  throw new IpcFailure(result.error);
}

/**
 * Any thrown value as an IpcError: a rejected `invoke` (no Tauri, a crashed command)
 * is not one of ours, so it becomes `Unknown` with whatever text it carried.
 */
export function toIpcError(thrown: unknown): IpcError {
  if (thrown instanceof IpcFailure) return thrown.error;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { code: "Unknown", message, field: null, scope: null, managerUrl: null, names: [] };
}
