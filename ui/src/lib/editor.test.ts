import { describe, expect, it } from "vitest";
import { emptyForm, problemFor } from "./editor";

describe("the org editor", () => {
  it("starts with every field empty and no flow chosen", () => {
    const form = emptyForm();
    expect(form.flow).toBeNull();
    expect(Object.values(form).filter((value) => value !== "" && value !== null)).toEqual([]);
  });

  it("shows the first problem of a field next to it", () => {
    const problems = [
      { field: "alias" as const, message: "The alias is missing.", fix: "Give the alias." },
      { field: "username" as const, message: "The username is missing.", fix: "Give it." },
      { field: "alias" as const, message: "second", fix: "" },
    ];
    expect(problemFor(problems, "alias")?.message).toBe("The alias is missing.");
    expect(problemFor(problems, "clientId")).toBeUndefined();
  });
});
