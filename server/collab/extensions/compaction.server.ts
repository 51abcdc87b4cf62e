import type { afterUnloadDocumentPayload, Extension, onStoreDocumentPayload } from '@hocuspocus/server'
import type { DB } from '#db/client.server.ts'
import { compactNotebook, CompactionConflict, countNotebookUpdates } from '../notebook-store.server.ts'
import type { CollabLogger } from '../sockets.server.ts'

/**
 * Folds a notebook's update log into one row in the background: after it closes, and while it stays open all day.
 * Listed after storage, so it runs once a store has written the queued edits.
 */
export class Compaction implements Extension {
  extensionName = 'same-page-compaction'
  // One compaction per notebook at a time: a second one would only lose the race and roll back.
  private readonly compacting = new Set<string>()
  private readonly background = new Set<Promise<unknown>>()

  constructor(
    private readonly o: {
      db: DB
      logger: CollabLogger
      now: () => Date
      /** After a notebook closes, once it has this many stored rows. */
      compactAt: number
      /** While a notebook stays open, once it has this many stored rows. */
      compactOpenAt: number
      /** No new compaction once the server is shutting down. */
      closing: () => boolean
    },
  ) {}

  async onStoreDocument({ documentName }: onStoreDocumentPayload) {
    // A notebook left open all day would otherwise keep one row per edit until it closes. Rows
    // appended while this runs have higher ids and are kept (compactNotebook).
    this.later(documentName, this.o.compactOpenAt)
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    this.later(documentName, this.o.compactAt)
  }

  /** Background compactions still running (shutdown and tests wait for them). */
  async idle(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background])
  }

  private later(name: string, threshold: number) {
    if (this.o.closing()) return
    const work = this.compact(name, threshold)
    this.background.add(work)
    void work.finally(() => this.background.delete(work))
  }

  private async compact(name: string, threshold: number) {
    if (this.compacting.has(name)) return
    this.compacting.add(name)
    try {
      if ((await countNotebookUpdates(this.o.db, name)) < threshold) return
      await compactNotebook(this.o.db, name, { at: this.o.now() })
    } catch (error) {
      if (error instanceof CompactionConflict) return
      this.o.logger(`Notebook ${name}: compaction failed; the update log is kept as it is`, error)
    } finally {
      this.compacting.delete(name)
    }
  }
}
