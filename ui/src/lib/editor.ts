// The org editor's logic outside the component, so Vitest can pin it.
import type { FieldProblem } from "./bindings/FieldProblem";
import type { FormField } from "./bindings/FormField";
import type { OrgForm } from "./bindings/OrgForm";

export function emptyForm(): OrgForm {
  return {
    alias: "",
    label: "",
    color: "",
    environment: null,
    flow: null,
    loginUrl: "",
    myDomain: "",
    clientId: "",
    username: "",
    callbackUrl: "",
    audience: "",
    scopes: "",
  };
}

/** The first problem of a field, as the editor shows next to it. */
export function problemFor(problems: FieldProblem[], field: FormField): FieldProblem | undefined {
  return problems.find((problem) => problem.field === field);
}

/** The form's free-text fields (the ones a text input edits directly). */
export type TextField =
  | "alias"
  | "label"
  | "color"
  | "loginUrl"
  | "myDomain"
  | "clientId"
  | "username"
  | "callbackUrl"
  | "audience"
  | "scopes";
