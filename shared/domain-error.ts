export type DomainErrorCode = 'BAD_REQUEST' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS'

/** A refusal a person should read: the message is shown as is, `field` names the form field it belongs to. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

/**
 * By name, not instanceof: the Remix server bundle and the Node server each hold their own copy of this
 * module, so a class check across them would fail.
 */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof Error && error.name === 'DomainError' && 'code' in error
}
