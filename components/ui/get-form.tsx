"use client";

import type { ComponentProps, FormEvent } from "react";

/**
 * A GET form that leaves empty fields out of the URL (`?period=x` rather than `?period=x&from=&asOf=`).
 * Without JavaScript it still works; the empty parameters are then ignored by the page.
 */
export function GetForm(props: Omit<ComponentProps<"form">, "method" | "onSubmit">) {
  function dropEmpty(event: FormEvent<HTMLFormElement>) {
    for (const element of Array.from(event.currentTarget.elements)) {
      if (
        (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) &&
        element.name &&
        element.value === "" &&
        element.type !== "checkbox"
      ) {
        element.disabled = true;
        // Re-enable after the navigation has read the form, so that going back shows the field usable.
        setTimeout(() => (element.disabled = false));
      }
    }
  }
  return <form {...props} method="get" onSubmit={dropEmpty} />;
}
