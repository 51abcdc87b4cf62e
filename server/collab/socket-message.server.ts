/**
 * Reads just enough of an incoming Hocuspocus message (document name, message type, sync step) to find the
 * Yjs update it carries, before Hocuspocus applies it. Hocuspocus's types: Sync 0, SyncReply 4, Stateless 5,
 * BroadcastStateless 6; y-protocols' sync steps: step 2 is 1, an update is 2.
 */
export type IncomingKind = { kind: 'update'; update: Uint8Array } | { kind: 'stateless' } | { kind: 'malformed' } | { kind: 'other' }

class Reader {
  pos = 0
  constructor(readonly bytes: Uint8Array) {}
  varUint(): number {
    let result = 0
    let shift = 1
    for (;;) {
      if (this.pos >= this.bytes.length) throw new RangeError('message ended early')
      const byte = this.bytes[this.pos++]!
      result += (byte & 0x7f) * shift
      if (byte < 0x80) return result
      shift *= 128
      if (shift > 2 ** 53) throw new RangeError('varint too long')
    }
  }
  bytesOf(length: number): Uint8Array {
    if (this.pos + length > this.bytes.length) throw new RangeError('message ended early')
    const out = this.bytes.subarray(this.pos, this.pos + length)
    this.pos += length
    return out
  }
}

export function readIncomingUpdate(data: Uint8Array): IncomingKind {
  try {
    const r = new Reader(data)
    r.bytesOf(r.varUint()) // document name
    const type = r.varUint()
    if (type === 5 || type === 6) return { kind: 'stateless' }
    if (type !== 0 && type !== 4) return { kind: 'other' }
    const step = r.varUint()
    if (step !== 1 && step !== 2) return { kind: 'other' }
    return { kind: 'update', update: r.bytesOf(r.varUint()) }
  } catch {
    return { kind: 'malformed' }
  }
}
