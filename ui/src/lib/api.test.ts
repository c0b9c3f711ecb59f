import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { api, CommandError } from "./api";
import type { AppInfo } from "./bindings/AppInfo";

afterEach(() => clearMocks());

describe("api.appInfo", () => {
  it("returns what the app_info command answers", async () => {
    const info: AppInfo = {
      version: "1.2.3",
      dataDir: "/home/ada/.config/orgkey",
      keychain: { state: "ready", service: "orgkey" },
    };
    const seen: string[] = [];
    mockIPC((command) => {
      seen.push(command);
      return info;
    });
    await expect(api.appInfo()).resolves.toEqual(info);
    expect(seen).toEqual(["app_info"]);
  });

  it("turns the {code, message, fix} shape into a CommandError", async () => {
    mockIPC(() => {
      throw { code: "keychain", message: "The keychain is locked.", fix: "Unlock it." };
    });
    const error = await api.appInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({
      code: "keychain",
      message: "The keychain is locked.",
      fix: "Unlock it.",
    });
  });

  it("says a bare string rejection is OrgKey's own fault", async () => {
    mockIPC(() => {
      throw "command app_info not allowed";
    });
    const error = (await api.appInfo().catch((e: unknown) => e)) as CommandError;
    expect(error.code).toBe("internal");
    expect(error.fix).toContain("command app_info not allowed");
  });
});
