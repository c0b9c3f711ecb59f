import { describe, expect, it } from "vitest";
import { expiresIn, matches } from "./format";

describe("expiresIn", () => {
  const now = 1_000_000_000_000;
  it("says hours and minutes", () => {
    expect(expiresIn(now + 72 * 60_000, now)).toBe("in 1 h 12 min");
    expect(expiresIn(now + 120 * 60_000, now)).toBe("in 2 h");
    expect(expiresIn(now + 4 * 60_000 + 5_000, now)).toBe("in 4 min");
    expect(expiresIn(now + 30_000, now)).toBe("in less than a minute");
    expect(expiresIn(now - 1, now)).toBe("expired");
  });
});

describe("matches", () => {
  it("finds the query in any field, ignoring case", () => {
    expect(matches("UAT", "acme-uat", "Acme")).toBe(true);
    expect(matches("prod", "acme-uat", "Acme")).toBe(false);
    expect(matches("  ", "anything")).toBe(true);
  });
});
