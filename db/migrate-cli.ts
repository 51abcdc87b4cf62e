import { migrateToLatest, openDatabase } from './client.server.ts'

const file = process.env.DATABASE_PATH ?? './data/same-page.db'
const { db } = openDatabase(file)
await migrateToLatest(db)
await db.destroy()
console.log(`Migrated ${file}`)
