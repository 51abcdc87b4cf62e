/**
 * The small session forms (delivered, missed, make-up, correct, void) post to one action. Each names its
 * intent and its target (a session: "serviceId:date"; a record: its id; a make-up: the service id), so the
 * answer comes back to the form that asked: its errors under its fields, and what was typed kept.
 */
export type SingleSessionIntent = 'delivered' | 'missed' | 'make_up' | 'correct' | 'void'
/** A group session recorded once (group-session-row.tsx); its target is the group's key and the day. */
export type SessionIntent = SingleSessionIntent | 'group'

/** A saved make-up, so its confirmation can name the session it repaid. */
export interface MadeUp {
  serviceId: string
  repaysDate: string
  date: string
  minutes: number
}

export type SessionActionData =
  | { ok: true; intent: SessionIntent; target: string; message: string; madeUp?: MadeUp }
  | { ok: false; intent: SessionIntent; target: string; message: string; fieldErrors: Record<string, string[]>; values: Record<string, string> }

export function sessionTarget(serviceId: string, date: string): string {
  return `${serviceId}:${date}`
}

/** The failure addressed to this form, or null. */
export function failureFor(result: SessionActionData | undefined, intent: SessionIntent, target: string) {
  return result && !result.ok && result.intent === intent && result.target === target ? result : null
}

/** A dispute form names its record ("session:<id>", "check:<id>"), so a refusal comes back to that form. */
export type DisputeActionData =
  | { ok: true; message: string }
  | { ok: false; message: string; fieldErrors: Record<string, string[]>; target: string; comment: string }

export function disputeTarget(kind: string, recordId: string): string {
  return `${kind}:${recordId}`
}
