// One long action at a time (login, refresh, key generation…): while one runs, another
// is refused, its label is the progress line, and its failure stays to be shown.
import type { CommandError } from "./api";

export class Busy {
  label = $state<string | null>(null);
  failure = $state<CommandError | null>(null);

  /** Runs `action` unless another runs; its result, or undefined on refusal or failure. */
  async run<T>(label: string, action: () => Promise<T>): Promise<T | undefined> {
    if (this.label !== null) return undefined;
    this.label = label;
    this.failure = null;
    try {
      return await action();
    } catch (error) {
      this.failure = error as CommandError;
      return undefined;
    } finally {
      this.label = null;
    }
  }
}
