import { describe, expect, it } from "vitest";
import { flowChoice, flows, isInteractive } from "./flows";

describe("the flow picker", () => {
  it("offers every flow once, each with a one-line reason", () => {
    expect(flows.map((flow) => flow.kind).sort()).toEqual(
      ["clientCredentials", "device", "jwt", "password", "refresh", "web"].sort(),
    );
    for (const flow of flows) {
      expect(flow.when.length).toBeGreaterThan(20);
      expect(flow.when).not.toContain("\n");
      for (const secret of flow.required) expect(flow.secrets).toContain(secret);
    }
  });

  it("keeps the password and the security token apart", () => {
    expect(flowChoice("password")?.secrets).toEqual(["clientSecret", "password", "securityToken"]);
  });

  it("shows only the fields each flow uses", () => {
    expect(flowChoice("clientCredentials")?.fields).toEqual(["clientId"]);
    expect(flowChoice("refresh")?.fields).toEqual([]);
    expect(flowChoice("jwt")?.fields).toContain("username");
    expect(flowChoice(null)).toBeUndefined();
  });

  it("knows which flows need a person to log in", () => {
    expect(isInteractive("web")).toBe(true);
    expect(isInteractive("device")).toBe(true);
    expect(isInteractive("jwt")).toBe(false);
  });
});
