import type { SectionWords } from './words.ts'

/** Words of "what happened next": effects at home recorded against a day and, where known, a goal (docs/effects.md). */
export const effects = {
  kind: {
    shutdown: 'Se bloqueó (dejó de responder)',
    school_refusal: 'No quiso ir a la escuela',
    meltdown: 'Crisis en casa',
    sleep: 'Problemas para dormir',
    other: 'Otra cosa',
  },
  // Schemas and refusals.
  kindRequired: 'Elija qué pasó.',
  noteLabel: 'Una nota corta',
  dateFuture: 'Ese día todavía no ha llegado: elija hoy o un día anterior.',
  dateTooOld: 'Elija un día de los últimos {{days}} días.',
  dateBeforeYear: 'Elija un día de este año escolar.',
  dateAfterYear: 'Elija un día de este año escolar.',
  goalNotFound: 'Esa meta no es una de las metas de este estudiante.',
  notFound: 'No se encontró ese registro.',
  alreadyReplaced: 'Ese registro ya se corrigió o se quitó: vuelva a cargar la página para verlo como está ahora.',
  reasonLabel: 'Por qué se quita',

  // The card and form on the student's page.
  cardTitle: 'Qué pasó después',
  cardIntro: 'Después de la escuela o al día siguiente: un bloqueo, no querer ir a la escuela, una crisis en casa, una mala noche. Cada cosa aparece en la gráfica de la meta, junto al dato de ese día.',
  formTitle: 'Registrar qué pasó',
  kindLabel: 'Qué pasó',
  dateLabel: 'Día en que pasó',
  goalLabel: 'Meta con la que tuvo que ver (si lo sabe)',
  noGoal: 'No lo sé / ninguna meta en especial',
  noteHint: 'Opcional, hasta {{max}} caracteres.',
  save: 'Registrar',
  saved: 'Registrado.',
  none: 'Todavía no hay nada registrado.',
  listLabel: 'Qué pasó después, lo más reciente primero',
  entry: '{{date}}: {{kind}}',
  by: 'registrado por {{name}}',
  remove: 'Quitar',
  removed: 'Se quitó. El registro queda en el historial.',
  forGoal: 'después de {{area}}',
  correct: 'Corregir este registro',
  correctSave: 'Guardar la corrección',
  corrected: 'Corregido. El registro anterior queda en el historial.',
  correctedMark: 'corregido',
  removeLabel: 'Quitar este registro',
  pageTitle: 'Qué pasó después',
  forGoalSelect: 'Meta de {{area}}',
  recordLink: 'Registrar qué pasó después',
  chartText_one: 'Qué pasó después, marcado en la gráfica: {{list}}.',
  chartText_other: 'Qué pasó después, marcado en la gráfica: {{list}}.',
  chartItem: '{{kind}} el {{date}}',
  afterPoint: '{{kind}} el {{date}}, después del dato del {{point}}',


  // On the goal's chart and in its table.
  onChart: 'Qué pasó después',
  chartMark: 'En casa: {{kinds}}',
  tableColumn: 'En casa después',
  countsForFlag_one: '{{count}} problema en casa después de un día en que se cumplió la meta cuenta en contra de ese resultado.',
  countsForFlag_other: '{{count}} problemas en casa después de días en que se cumplió la meta cuentan en contra de esos resultados.',
} as const satisfies SectionWords<'effects'>
