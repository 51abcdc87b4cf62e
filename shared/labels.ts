/**
 * A label map whose words are read from the catalogue each time a label is read, so a map built at import time
 * still speaks the reader's language. Reads like a plain object: `LABELS[key]`, `Object.entries(LABELS)`.
 */
export function catalogueLabels<K extends string>(keys: readonly K[], read: (key: K) => string): Readonly<Record<K, string>> {
  const labels = {} as Record<K, string>
  for (const key of keys) Object.defineProperty(labels, key, { get: () => read(key), enumerable: true })
  return Object.freeze(labels)
}
