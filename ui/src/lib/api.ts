// The only module that talks to the Rust side. Components call these typed functions,
// never `invoke` directly, so every command has one place where its types are checked.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./bindings/AppInfo";
import type { CopyFormat } from "./bindings/CopyFormat";
import type { OrgSummary } from "./bindings/OrgSummary";
import type { TokenInfo } from "./bindings/TokenInfo";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { IpcError } from "./bindings/IpcError";
import type { OrgEditing } from "./bindings/OrgEditing";
import type { OrgForm } from "./bindings/OrgForm";
import type { SecretEntry } from "./bindings/SecretEntry";
import type { FieldProblem } from "./bindings/FieldProblem";
import type { DeviceCode } from "./bindings/DeviceCode";
import type { CertificateView } from "./bindings/CertificateView";

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

  orgEditing: (alias: string): Promise<OrgEditing> => call<OrgEditing>("org_editing", { alias }),
  /** The form's problems, field by field; secrets typed so far travel to Rust only. */
  checkOrg: (form: OrgForm, editing: string | null, secrets: SecretEntry[]): Promise<FieldProblem[]> =>
    call<FieldProblem[]>("check_org", { form, editing, secrets }),
  saveOrg: (
    form: OrgForm,
    editing: string | null,
    secrets: SecretEntry[],
    copySecretsFrom: string | null,
  ): Promise<OrgSummary> => call<OrgSummary>("save_org", { form, editing, secrets, copySecretsFrom }),
  deleteOrg: (alias: string): Promise<void> => call<void>("delete_org", { alias }),
  sandboxCopy: (alias: string, sandbox: string): Promise<OrgForm> =>
    call<OrgForm>("sandbox_copy", { alias, sandbox }),

  logIn: (alias: string): Promise<TokenInfo> => call<TokenInfo>("log_in", { alias }),
  logInWeb: (alias: string, inBrowser: boolean): Promise<TokenInfo> =>
    call<TokenInfo>("log_in_web", { alias, inBrowser }),
  startDeviceLogin: (alias: string): Promise<DeviceCode> => call<DeviceCode>("start_device_login", { alias }),
  finishDeviceLogin: (alias: string): Promise<TokenInfo> => call<TokenInfo>("finish_device_login", { alias }),
  cancelLogin: (): Promise<void> => call<void>("cancel_login"),
  openDevicePage: (): Promise<void> => call<void>("open_device_page"),

  openOrg: (alias: string): Promise<void> => call<void>("open_org", { alias }),
  revokeTokens: (alias: string): Promise<void> => call<void>("revoke_tokens", { alias }),
  copySfdxUrl: (alias: string): Promise<void> => call<void>("copy_sfdx_url", { alias }),

  certificate: (alias: string): Promise<CertificateView | null> =>
    call<CertificateView | null>("certificate", { alias }),
  generateCertificate: (alias: string, commonName: string, validityDays: number): Promise<CertificateView> =>
    call<CertificateView>("generate_certificate", { alias, commonName, validityDays }),
  /** The path saved to, or null when the person cancelled the dialog. */
  saveCertificate: (alias: string): Promise<string | null> => call<string | null>("save_certificate", { alias }),
  copyCertificate: (alias: string): Promise<void> => call<void>("copy_certificate", { alias }),
};
