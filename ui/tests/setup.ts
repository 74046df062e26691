import "@testing-library/jest-dom/vitest";

// jsdom has <dialog> but not its modal methods: open and close it by its attribute.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};
