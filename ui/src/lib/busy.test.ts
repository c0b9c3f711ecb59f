import { describe, expect, it } from "vitest";
import { Busy } from "./busy.svelte";
import { CommandError } from "./api";

describe("Busy", () => {
  it("refuses a second action while one runs, and shows its label meanwhile", async () => {
    const busy = new Busy();
    let finish: (value: string) => void = () => {};
    const first = busy.run("Refreshing…", () => new Promise<string>((resolve) => (finish = resolve)));
    expect(busy.label).toBe("Refreshing…");
    let secondRan = false;
    await expect(busy.run("Copying…", async () => (secondRan = true))).resolves.toBeUndefined();
    expect(secondRan).toBe(false);
    finish("done");
    await expect(first).resolves.toBe("done");
    expect(busy.label).toBeNull();
  });

  it("keeps the failure to show, and clears it at the next action", async () => {
    const busy = new Busy();
    const error = new CommandError({ code: "network", message: "Salesforce did not answer.", fix: "Try again." });
    await expect(busy.run("Refreshing…", () => Promise.reject(error))).resolves.toBeUndefined();
    expect(busy.failure?.message).toBe("Salesforce did not answer.");
    expect(busy.label).toBeNull();
    await busy.run("Refreshing…", async () => 1);
    expect(busy.failure).toBeNull();
  });
});
