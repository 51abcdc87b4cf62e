import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { startInLanguage } from '#app/utils/start-language.ts'

/**
 * Remix's default browser entry (@remix-run/dev 2.17.5, config/defaults/entry.client.tsx), with one change: the page
 * hydrates in the language the server rendered it in (`<html lang>`), after fetching that language's words if they
 * are not English (docs/languages.md). An English reader downloads nothing more. Should the words fail to arrive
 * (offline, before the service worker kept them), the page still comes to life, in English.
 */
void startInLanguage(document.documentElement.lang)
  .catch(() => undefined)
  .then(() =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      )
    }),
  )
