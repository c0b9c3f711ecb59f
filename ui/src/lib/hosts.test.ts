import { describe, expect, it } from "vitest";
import { hostFor, presetOf } from "./hosts";

describe("login host presets", () => {
  it("recognise the fixed hosts, My Domains and anything else", () => {
    expect(presetOf("https://login.salesforce.com")).toBe("production");
    expect(presetOf("https://test.salesforce.com/")).toBe("sandbox");
    expect(presetOf("https://acme.my.salesforce.com")).toBe("myDomain");
    expect(presetOf("https://acme--uat.sandbox.my.salesforce.com")).toBe("myDomain");
    expect(presetOf("http://127.0.0.1:4321")).toBe("custom");
    expect(presetOf("")).toBe("production");
  });

  it("give the fixed hosts and keep what was typed for the others", () => {
    expect(hostFor("production", "x")).toBe("https://login.salesforce.com");
    expect(hostFor("sandbox", "x")).toBe("https://test.salesforce.com");
    expect(hostFor("myDomain", "https://acme.my.salesforce.com")).toBe("https://acme.my.salesforce.com");
    expect(hostFor("custom", "")).toBe("");
  });
});
