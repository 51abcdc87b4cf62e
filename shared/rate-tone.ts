/**
 * One colour bar for every share shown as good / warn / bad — service delivery and accommodation fidelity alike
 * (docs/domain.md#rate-tone): from 90 % it is good (the delivery alert's own line, docs/formats.md#alerts), from
 * 75 % it needs a look, under 75 % it is serious. Two bars would colour the same 72 % amber in one card and red in
 * the next.
 */
export const GOOD_RATE = 0.9
export const SERIOUS_BELOW = 0.75

export type RateTone = 'good' | 'warn' | 'bad'

export function rateTone(rate: number): RateTone {
  if (rate >= GOOD_RATE) return 'good'
  return rate >= SERIOUS_BELOW ? 'warn' : 'bad'
}
