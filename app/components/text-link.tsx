import { Link, type LinkProps } from '@remix-run/react'

/** The plain underlined link used between pages ("Back to My students"); min-h-11 keeps it a 44 px tap target. */
export const TEXT_LINK_CLASSES = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline'

export function TextLink({ className = '', ...props }: LinkProps) {
  return <Link className={`${TEXT_LINK_CLASSES} ${className}`.trim()} {...props} />
}
