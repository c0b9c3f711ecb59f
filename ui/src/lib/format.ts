// Words for times and environments, kept out of components so Vitest can pin them.
import type { Environment } from "./bindings/Environment";
import type { LoginState } from "./bindings/LoginState";

/** "in 1 h 12 min", "in 4 min", "expired" — for the token's estimated expiry. */
export function expiresIn(expiresAt: number, now: number): string {
  const minutes = Math.floor((expiresAt - now) / 60_000);
  if (minutes < 0) return "expired";
  if (minutes < 1) return "in less than a minute";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `in ${rest} min`;
  return rest === 0 ? `in ${hours} h` : `in ${hours} h ${rest} min`;
}

export const environmentLabel: Record<Environment, string> = {
  production: "Production",
  sandbox: "Sandbox",
  scratch: "Scratch",
  developer: "Developer",
};

/** Orgs whose alias, label or host contains the query, ignoring case. */
export function matches(query: string, ...fields: string[]): boolean {
  const needle = query.trim().toLowerCase();
  return needle === "" || fields.some((field) => field.toLowerCase().includes(needle));
}

/** The list's words for an org's login state. */
export function loginWords(login: LoginState, now: number): string {
  switch (login.state) {
    case "loggedIn":
      return login.expiresAt > now ? `logged in · expires ${expiresIn(login.expiresAt, now)}` : "token expired";
    case "expired":
      return "token expired";
    case "ready":
      return "ready · logs in on use";
    case "needsLogin":
      return "needs login";
    case "unknown":
      return "keychain unavailable";
  }
}
