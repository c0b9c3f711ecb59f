// Login host presets. Production and Sandbox are fixed hosts; My Domain and custom take
// a URL that the server checks as you type.

export type HostPreset = "production" | "sandbox" | "myDomain" | "custom";

export const PRODUCTION_HOST = "https://login.salesforce.com";
export const SANDBOX_HOST = "https://test.salesforce.com";

export const presetLabel: Record<HostPreset, string> = {
  production: "Production (login.salesforce.com)",
  sandbox: "Sandbox (test.salesforce.com)",
  myDomain: "My Domain",
  custom: "Custom URL",
};

/** The preset a stored login URL belongs to. */
export function presetOf(loginUrl: string): HostPreset {
  const url = loginUrl.trim().replace(/\/+$/, "");
  if (url === "") return "production";
  if (url === PRODUCTION_HOST) return "production";
  if (url === SANDBOX_HOST) return "sandbox";
  if (/^https:\/\/[^/]+\.my\.salesforce\.com$/.test(url)) return "myDomain";
  return "custom";
}

/** The login URL a preset stands for; `typed` is kept for My Domain and custom. */
export function hostFor(preset: HostPreset, typed: string): string {
  switch (preset) {
    case "production":
      return PRODUCTION_HOST;
    case "sandbox":
      return SANDBOX_HOST;
    default:
      return typed;
  }
}
