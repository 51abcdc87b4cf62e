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
  name: { en: 'inglés', es: 'español' },
  translation: {
    goalLink: 'Escribirlo en {{language}}',
    goalLinkChange: 'Cambiar el resumen en {{language}}',
    accommodationLink: 'Escribir “{{title}}” en {{language}}',
    accommodationLinkChange: 'Cambiar “{{title}}” en {{language}}',
    written: 'En {{language}}: escrito',
    missing: 'En {{language}}: todavía no está escrito',
    needsCheck: 'En {{language}}: el inglés cambió después, revíselo',
    goalTitle: 'El resumen sencillo en {{language}}',
    goalIntro:
      'Escriba otra vez las cuatro partes en {{language}} para la familia que lo lee. Diga lo mismo que el inglés, con las palabras que se usan en casa. El inglés sigue siendo el texto del plan.',
    accommodationTitle: '“{{title}}” en {{language}}',
    accommodationIntro:
      'Escriba otra vez el nombre y las palabras de esta adaptación en {{language}} para la familia que lo lee. El tipo de adaptación y cuándo se usa quedan como dice el plan.',
    englishHeading: 'El inglés',
    englishMovedOn: 'El inglés cambió después de guardar este texto en {{language}}. Revise que todavía diga lo mismo.',
    save: 'Guardar el texto en {{language}}',
    historyNote: 'Cada vez que se guarda queda en el historial del estudiante, con el texto que reemplazó.',
    notYetInReaderLanguage: 'Todavía no está escrito en {{language}}, por eso se muestra en inglés. Pregunte al maestro responsable del caso si algo no está claro.',
    staleForReader: 'El inglés cambió después de que esto se escribió en {{language}}. Pregunte al maestro responsable del caso si algo cambió.',
    nameField: 'Nombre de la adaptación',
    descriptionField: 'Lo que hacen los adultos',
  },
} as const satisfies SectionWords<'languages'>
