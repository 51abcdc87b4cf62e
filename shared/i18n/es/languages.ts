import type { SectionWords } from './words.ts'

/** Words of choosing a language: the switch at the foot of every page and the account page's card. */
export const languages = {
  switchLabel: 'Idioma',
  switchTo: 'Leer este sitio en {{language}}',
  card: {
    heading: 'Idioma',
    intro: 'El idioma de sus páginas y de los correos que Same Page le envía.',
    field: 'Idioma',
    save: 'Guardar idioma',
    saved: 'Su idioma quedó guardado.',
  },
  invalid: 'Elija uno de los idiomas que se ofrecen.',
  signUpField: 'El idioma que usted lee mejor',
  signUpHint: 'Sus páginas y correos estarán en este idioma. Puede cambiarlo después en la página de su cuenta.',
  letterField: 'Idioma de la carta',
  letterHint: 'Los mismos registros, palabra por palabra, en cualquiera de los dos idiomas: en inglés para la escuela, en su idioma para su copia.',
  inviteField: 'Idioma de la invitación',
  inviteHint: 'La familia leerá la invitación, y después el sitio, en este idioma. Puede cambiarlo después.',
} as const satisfies SectionWords<'languages'>
