import { describe, expect, it } from "vitest";
import { expiresIn, loginWords, matches } from "./format";

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

describe("loginWords", () => {
  const now = 1_000_000_000_000;
  it("says each login state in a few words", () => {
    expect(loginWords({ state: "loggedIn", expiresAt: now + 72 * 60_000 }, now)).toBe(
      "logged in · expires in 1 h 12 min",
    );
    expect(loginWords({ state: "loggedIn", expiresAt: now - 1 }, now)).toBe("token expired");
    expect(loginWords({ state: "expired" }, now)).toBe("token expired");
    expect(loginWords({ state: "needsLogin" }, now)).toBe("needs login");
    expect(loginWords({ state: "ready" }, now)).toBe("ready · logs in on use");
  });
});
