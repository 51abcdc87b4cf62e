/** The name the server keeps a device's language choice under (server/i18n/language.server.ts). */
export const LANGUAGE_COOKIE = 'same_page_language'

/** Whether this device has chosen a language (the switch at the foot of a page), which then outranks any default. */
export function hasLanguageCookie(request: Request): boolean {
  return (request.headers.get('cookie') ?? '').split(';', 50).some((pair) => pair.trim().startsWith(`${LANGUAGE_COOKIE}=`))
}
