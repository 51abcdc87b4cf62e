/** The page asks its service worker whether what it shows came from the phone's cache, and when it was loaded. */
export const SAVED_COPY_MESSAGE = 'same-page:saved-copy'

export interface SavedCopyQuestion {
  type: typeof SAVED_COPY_MESSAGE
  /** The page's path, as keptPagePath gives it ("/students/x/goal-card"). */
  path: string
}

export interface SavedCopyAnswer {
  /** ISO moment the kept copy was loaded from the server; null when the page came from the network. */
  loadedAt: string | null
}
