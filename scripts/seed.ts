import { hashPassword } from '#server/auth/password.server.ts'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { isDatabaseEmpty, seedDemo } from '#server/demo/seed.ts'

const file = process.env.DATABASE_PATH ?? './data/same-page.db'
const { db } = openDatabase(file)
await migrateToLatest(db)
if (await isDatabaseEmpty(db)) {
  await seedDemo(db, hashPassword)
  console.log(`Seeded the demo team into ${file}`)
} else {
  console.log(`${file} already has data; the demo is only seeded into an empty database.`)
}
await db.destroy()
