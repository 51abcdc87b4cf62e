// Starts a TypeScript module in a worker thread: worker threads do not inherit tsx's loader from the bench's
// process, so the worker registers it before importing the module named by `workerData.entry`.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
