// The flow picker's words: what each flow needs and when to choose it (ORIGIN.md's
// decision table, extended to every flow), and which fields of the editor it shows.
import type { FlowKind } from "./bindings/FlowKind";
import type { SecretField } from "./bindings/SecretField";

/** The editor's plain (non-secret) fields that depend on the flow. */
export type FlowField = "clientId" | "username" | "callbackUrl" | "audience" | "scopes";

export interface FlowChoice {
  kind: FlowKind;
  name: string;
  /** One line: when to choose it, and what it needs. */
  when: string;
  fields: FlowField[];
  secrets: SecretField[];
  /** Secrets the flow cannot log in without (the server checks the same). */
  required: SecretField[];
}

export const flows: FlowChoice[] = [
  {
    kind: "web",
    name: "Web server (log in in a window)",
    when: "For people: you log in yourself, with SSO or MFA as your org requires. Needs the consumer key and a callback URL.",
    fields: ["clientId", "callbackUrl", "scopes"],
    secrets: ["clientSecret"],
    required: [],
  },
  {
    kind: "jwt",
    name: "JWT bearer (certificate)",
    when: "Server to server without a password: a certificate on the app, the user pre-authorized. Needs the consumer key, a username and a key pair (made here).",
    fields: ["clientId", "username", "audience"],
    secrets: ["privateKey"],
    required: [],
  },
  {
    kind: "password",
    name: "Username-password",
    when: "Only where the org still allows it (blocked by default in orgs since Summer '23). Needs the consumer key and secret, the username, password and security token.",
    fields: ["clientId", "username"],
    secrets: ["clientSecret", "password", "securityToken"],
    required: ["clientSecret", "password"],
  },
  {
    kind: "clientCredentials",
    name: "Client credentials",
    when: "An integration user (the app's Run As user), on your My Domain only. Needs the consumer key and secret.",
    fields: ["clientId"],
    secrets: ["clientSecret"],
    required: ["clientSecret"],
  },
  {
    kind: "device",
    name: "Device",
    when: "A machine without a browser: you approve a short code on another device. Needs the consumer key.",
    fields: ["clientId", "scopes"],
    secrets: [],
    required: [],
  },
  {
    kind: "refresh",
    name: "Refresh token (SFDX auth URL)",
    when: "You already have a login in the sf CLI: paste its SFDX auth URL and nothing else is needed.",
    fields: [],
    secrets: ["sfdxAuthUrl"],
    required: ["sfdxAuthUrl"],
  },
];

export function flowChoice(kind: FlowKind | null | undefined): FlowChoice | undefined {
  return flows.find((flow) => flow.kind === kind);
}

export const secretLabel: Record<SecretField, string> = {
  clientSecret: "Client secret (consumer secret)",
  password: "Password",
  securityToken: "Security token",
  privateKey: "Private key (PEM)",
  sfdxAuthUrl: "SFDX auth URL",
};

/** Whether the flow logs in with a person present (popup, browser or device code). */
export function isInteractive(flow: string): boolean {
  return flow === "web" || flow === "device";
}
