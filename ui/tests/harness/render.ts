import { render } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import type { Component } from "svelte";
import WithClient from "./WithClient.svelte";

/** Renders a page the way the app does: inside a QueryClientProvider. */
export function renderWithClient<P extends Record<string, unknown>>(
  client: QueryClient,
  component: Component<P>,
  props: P,
) {
  return render(WithClient, {
    props: { client, component: component as unknown as Component<Record<string, unknown>>, innerProps: props },
  });
}
