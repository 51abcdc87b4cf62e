/**
 * `npm run import -- FILE.json`: imports a `same-page/plan@1` file (docs/import-format.md) into the database at
 * DATABASE_PATH (default ./data/same-page.db), migrating it first. The file's school.name picks the school, which
 * must exist. Prints every problem with its JSON path and exits 1 when the file is refused (nothing is written);
 * on success prints the invite links, and the new student's id as the last word of its output.
 */
import fs from 'node:fs'
import path from 'node:path'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { findSchoolByName, importPlan } from '#server/services/plan-import.server.ts'
import { formatPlanError, isPlanImportError, type PlanError } from '#shared/plan-import/errors.ts'
import { validatePlanText } from '#shared/plan-import/validate.ts'
import { localIsoDate } from '#shared/school-date.ts'

const USAGE = 'Usage: npm run import -- FILE.json   (DATABASE_PATH selects the database; default ./data/same-page.db)'

function refuse(file: string, errors: PlanError[]): number {
  console.error(`${file} was not imported: ${errors.length === 1 ? '1 problem' : `${errors.length} problems`}. Nothing was written.`)
  for (const error of errors) console.error(`  ${formatPlanError(error)}`)
  return 1
}

async function run(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--')
  if (args[0] === '--help' || args[0] === '-h') {
    console.log(USAGE)
    return 0
  }
  if (args.length !== 1) {
    console.error(USAGE)
    return 2
  }
  const file = args[0]!
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }

  const now = new Date()
  const validation = validatePlanText(text, { today: localIsoDate(now) })
  if (!validation.ok) return refuse(file, validation.errors)

  const databasePath = process.env.DATABASE_PATH || './data/same-page.db'
  const { db } = openDatabase(databasePath)
  try {
    await migrateToLatest(db)
    const schoolId = await findSchoolByName(db, validation.plan.school.name)
    // Nobody is signed in: the audit rows name no actor and say where the import came from.
    const source = `command line: npm run import -- ${path.basename(file)}`
    const result = await importPlan(db, { plan: validation.plan, schoolId, actorId: null, now, source })
    console.log(`Imported ${validation.plan.student.name} into ${validation.plan.school.name} (${databasePath}).`)
    if (result.invites.length) {
      console.log('Invite links (shown once; each works for 7 days, for the email it was made for):')
      for (const invite of result.invites) console.log(`  ${invite.email} (${invite.role}): /invite/${invite.token}`)
    }
    console.log(`Student id: ${result.studentId}`)
    return 0
  } catch (error) {
    if (isPlanImportError(error)) return refuse(file, error.errors)
    console.error(`The import failed and nothing was written: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await db.destroy()
  }
}

process.exitCode = await run()
