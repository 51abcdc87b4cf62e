import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import * as Y from 'yjs'
import { recordStoredState } from '../collab/notebook-store.server.ts'
import { stateFromJson } from '../collab/note-doc.server.ts'
import type { NoteNode } from '#shared/notes/note-json.ts'
import type { Database } from '#db/schema.ts'

type Trx = Transaction<Database>

const text = (t: string, marks?: NoteNode['marks']): NoteNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t })
const p = (...content: NoteNode[]): NoteNode => ({ type: 'paragraph', content })
const h = (level: number, t: string): NoteNode => ({ type: 'heading', attrs: { level }, content: [text(t)] })
const bold = (t: string) => text(t, [{ type: 'bold' }])
const task = (checked: boolean, t: string): NoteNode => ({ type: 'taskItem', attrs: { checked }, content: [p(text(t))] })
const bullet = (...items: string[]): NoteNode => ({ type: 'bulletList', content: items.map((t) => ({ type: 'listItem', content: [p(text(t))] })) })

const HOME_SCHOOL: NoteNode = {
  type: 'doc',
  content: [
    p(text('A shared page between home and school. Write what happened, what helped, and what to try next.')),
    h(3, 'Monday'),
    p(bold('Home (Laura): '), text('Johnny was upset about the fire drill all evening. He asked twice if it would happen again.')),
    p(bold('School (Dana): '), text('We will give him a picture warning before the next drill and let him wear his headphones.')),
    h(3, 'Wednesday'),
    p(bold('School (Sam): '), text('Sat for the whole 20 minutes in reading group, but shut down afterwards and would not go to lunch.')),
    p(bold('Home (Laura): '), text('He refused to go to school the next morning. Sitting still costs him a lot — please watch for the signs after, not only during.')),
    h(3, 'To do'),
    {
      type: 'taskList',
      content: [
        task(true, 'Send home the visual schedule for drills'),
        task(false, 'Try a movement break after reading group'),
        task(false, 'Laura to share the calming playlist that works at home'),
      ],
    },
    p(
      text('Fire drill social story we use at home: '),
      text('calming ideas', [{ type: 'link', attrs: { href: 'https://example.org/calming-ideas' } }]),
      text('.'),
    ),
  ],
}

const MEETING_PREP: NoteNode = {
  type: 'doc',
  content: [
    p(text('For the follow-up IEP meeting. Add questions as they come up.')),
    h(3, 'Questions to ask'),
    bullet(
      'The sitting goal is marked met, but he shuts down afterwards. Can we add how he is doing after the task?',
      'Speech sessions were missed four times in October. When will they be made up?',
      'Can the para write a short note home on hard days?',
    ),
    h(3, 'Bring to the meeting'),
    {
      type: 'taskList',
      content: [task(false, 'Printed meeting brief'), task(false, 'Notes from the last two weeks'), task(true, 'Speech session log')],
    },
  ],
}

/**
 * Johnny's two notebooks, written server-side like any new notebook: the document as Yjs state in the update
 * log, its text for search and today's snapshot for History.
 */
export async function seedNotes(trx: Trx, a: { johnnyId: string; caseManagerId: string; at: string; now: Date }): Promise<string[]> {
  const ids: string[] = []
  for (const [title, content] of [
    ['Home–school notes', HOME_SCHOOL],
    ['Meeting prep', MEETING_PREP],
  ] as const) {
    const id = randomUUID()
    ids.push(id)
    await trx
      .insertInto('notebooks')
      .values({ id, student_id: a.johnnyId, title, plain_text: '', created_at: a.at, created_by: a.caseManagerId, updated_at: a.at, archived_at: null, archived_by: null })
      .execute()
    const state = stateFromJson(content)
    await trx.insertInto('notebook_updates').values({ notebook_id: id, update: state, created_at: a.at }).execute()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    await recordStoredState(trx, id, doc, a.now)
    doc.destroy()
  }
  return ids
}
