// The only module that talks to the Rust side. Components call these typed functions,
// never `invoke` directly, so every command has one place where its types are checked.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./bindings/AppInfo";
import type { CopyFormat } from "./bindings/CopyFormat";
import type { OrgSummary } from "./bindings/OrgSummary";
import type { TokenInfo } from "./bindings/TokenInfo";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { IpcError } from "./bindings/IpcError";

/** A failed command, as `explain` put it: what happened and what to do. */
export class CommandError extends Error implements IpcError {
  readonly code: ErrorCode;
  readonly fix: string;

  constructor(error: IpcError) {
    super(error.message);
    this.name = "CommandError";
    this.code = error.code;
    this.fix = error.fix;
  }
}

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === "string" &&
    typeof candidate.message === "string" &&
    typeof candidate.fix === "string"
  );
}

/** Anything a command can reject with, as one shape. Tauri itself rejects with plain
 * strings (an unknown command, a denied permission): those are bugs, said as such. */
export function toCommandError(raw: unknown): CommandError {
  if (isIpcError(raw)) return new CommandError(raw);
  return new CommandError({
    code: "internal",
    message: "OrgKey's window could not talk to OrgKey itself.",
    fix: `Restart OrgKey. If it happens again, report it with this detail: ${String(raw)}`,
  });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toCommandError(raw);
  }
}

export const api = {
  appInfo: (): Promise<AppInfo> => call<AppInfo>("app_info"),
  listOrgs: (): Promise<OrgSummary[]> => call<OrgSummary[]>("list_orgs"),
  startDemo: (): Promise<void> => call<void>("start_demo"),
  tokenInfo: (alias: string): Promise<TokenInfo> => call<TokenInfo>("token_info", { alias }),
  refreshToken: (alias: string): Promise<TokenInfo> => call<TokenInfo>("refresh_token", { alias }),
  /** Copies in Rust: the token never enters the page. */
  copyToken: (alias: string, format: CopyFormat): Promise<void> =>
    call<void>("copy_token", { alias, format }),
  /** The one call that brings the token into the page, when the person asks to see it. */
  revealToken: (alias: string): Promise<string> => call<string>("reveal_token", { alias }),
};
