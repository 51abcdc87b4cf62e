/**
 * A LIKE pattern that matches `query` literally anywhere in a text: `%`, `_` and the escape character itself
 * are escaped, so a search for "100%" finds "100%" and not "100 anything". Use with `ESCAPE '\'`.
 */
export function likeContains(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** A short excerpt of `text` around the first case-insensitive match of `query`, for search results. */
export function excerptAround(text: string, query: string, radius = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const at = flat.toLowerCase().indexOf(query.toLowerCase())
  if (at < 0) return flat.slice(0, radius * 2)
  const start = Math.max(0, at - radius)
  const end = Math.min(flat.length, at + query.length + radius)
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}
