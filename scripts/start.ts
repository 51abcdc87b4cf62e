import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { main } from '../server/index.ts'

// `npm start` on a fresh clone builds once; later starts reuse the build.
if (!fs.existsSync(path.resolve(process.env.BUILD_DIR ?? 'build', 'server/index.js'))) {
  console.log('No build yet: building the app (about 10 seconds)…')
  const result = spawnSync('npx', ['remix', 'vite:build'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
await main()
