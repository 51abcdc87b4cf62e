import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path'
import { prepare, startServer } from './load.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prof-today-')); const file = path.join(dir, 'x.db')
const fx = await prepare(file)
const url = process.argv[2] === 'student' ? `/students/${fx.demo.johnnyId}` : `/today?date=${fx.schoolDay}`
const sess = process.argv[2] === 'student' ? fx.sessions.parent[0] : fx.sessions.para[0]
const server = await startServer(process.env.BUILD_DIR ?? 'build', file)
const origin = `http://127.0.0.1:${server.port}`
const times: number[] = []
for (let i = 0; i < 300; i++) { const s = performance.now(); const r = await fetch(origin + url, { headers: { cookie: `${SESSION_COOKIE}=${sess}` } }); await r.text(); times.push(performance.now() - s) }
const last = times.slice(100).sort((a, b) => a - b)
console.log(url.slice(0, 10), 'median of last 200', last[100]!.toFixed(1), 'ms; p10', last[20]!.toFixed(1))
await server.stop()
