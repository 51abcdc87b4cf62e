/**
 * A form as typed, field name → every value posted under it. A refused form is drawn again from this: with
 * scripts the fields never left the screen, but without them the page is drawn anew from what the action sent
 * back, and what the person typed must not come back empty.
 */
export type TypedFields = Record<string, string[]>

export function typedFields(form: FormData): TypedFields {
  const typed: TypedFields = {}
  for (const [name, value] of form) if (typeof value === 'string') (typed[name] ??= []).push(value)
  return typed
}

/** The first value typed under a field's name, or "". */
export function typedValue(typed: TypedFields | undefined, name: string): string {
  return typed?.[name]?.[0] ?? ''
}
