import type { SectionWords } from './words.ts'

/** Words of the IEP's own calendar (docs/iep-calendar.md): its dates, what is due or late, and starting the next plan. */
export const iepCalendar = {
  // The rules that refuse impossible dates.
  rules: {
    endBeforeStart: 'El plan debe terminar después de empezar.',
    tooLong: 'Un plan dura un año: este duraría más de {{days}} días. Revise los años.',
    reviewBeforeStart: 'La revisión anual no puede ser antes de que empiece el plan.',
    reviewAfterEnd: 'La revisión anual debe hacerse antes de que termine el plan (a más tardar {{days}} días después).',
    reevaluationFar: 'Una reevaluación se debe hacer dentro de los tres años después del inicio del plan. Revise el año.',
    noCurrentPlan: 'Este estudiante todavía no tiene fechas del plan. Primero ponga las fechas del IEP.',
    goalsMismatch: 'Elija qué pasa con cada meta del plan actual.',
    endReasonRequired: 'Diga por qué termina esta meta.',
    nextStartsAfter: 'El siguiente plan debe empezar después del inicio del plan actual ({{date}}).',
  },

  // The card on the student's page and its form.
  card: {
    title: 'Fechas del IEP',
    intro: 'Las fechas del plan actual. El responsable del caso las mantiene al día; todo el equipo puede verlas.',
    startDate: 'El plan empieza',
    endDate: 'El plan termina',
    annualReviewDate: 'Revisión anual',
    reevaluationDate: 'Reevaluación',
    notSet: 'Sin fecha',
    datesLabel: 'Fechas del IEP del plan actual',
    edit: 'Cambiar las fechas del IEP',
    editTitle: 'Cambiar las fechas del IEP',
    save: 'Guardar las fechas',
    saved: 'Las fechas del IEP están guardadas.',
    hint: 'Deje una fecha en blanco si todavía no se sabe.',
    nextPlan: 'Empezar el siguiente plan',
    endedGoals: 'Metas de planes anteriores',
    endedGoalsIntro: 'Estas metas terminaron con un plan anterior. Se guardan sus versiones y sus datos.',
    endedOn: 'Terminó el {{date}}: {{reason}}',
  },

  // A goal's own page once it ended with an earlier plan.
  goalEnded: 'Esta meta terminó con un plan anterior el {{date}}: {{reason}}. Sus versiones y sus datos se guardan aquí para leerlos; ya no recibe datos nuevos.',

  // The case manager's home page.
  home: {
    title: 'Lo que vence pronto y lo atrasado',
    intro: 'Para sus estudiantes a cargo: lo que está atrasado y lo que vence en los próximos {{days}} días.',
    late: 'Atrasado',
    due: 'Vence en los próximos {{days}} días',
    nothing: 'Nada está atrasado ni vence en los próximos {{days}} días.',
    lateCount_one: '{{count}} atrasado',
    lateCount_other: '{{count}} atrasados',
  },

  // One item, as the home page lists it and the reminder says it.
  items: {
    annual_review_due: '{{student}}: la revisión anual vence el {{date}}',
    annual_review_late: '{{student}}: la revisión anual vencía el {{date}}',
    reevaluation_due: '{{student}}: la reevaluación vence el {{date}}',
    reevaluation_late: '{{student}}: la reevaluación vencía el {{date}}',
    progress_report_due: '{{student}}: el informe de progreso de {{label}} vence el {{date}}',
    progress_report_late: '{{student}}: el informe de progreso de {{label}} no se ha entregado (el período terminó el {{date}})',
    goal_data_due: '{{student}}: la meta de {{label}} necesita datos antes del {{date}}',
    goal_data_late: '{{student}}: no hay datos de la meta de {{label}} en 3 semanas (vencía el {{date}})',
  },

  // Starting the next annual plan.
  next: {
    title: 'Empezar el siguiente plan',
    intro:
      'En la revisión anual, empiece el siguiente plan de {{name}} a partir del plan actual. Cada meta pasa tal como está, pasa y luego se cambia, o termina. No se borra nada: las metas que terminan guardan sus versiones y sus datos, y las cifras del plan actual quedan como estaban.',
    current: 'Plan actual: del {{start}} al {{end}}',
    currentUnknown: 'El plan actual todavía no tiene fechas.',
    datesLegend: 'Fechas del siguiente plan',
    goalsLegend: 'Qué pasa con cada meta',
    noGoals: 'El plan actual no tiene metas.',
    choiceLegend: 'Meta: {{area}}',
    carry: 'Pasarla tal como está',
    change: 'Pasarla y cambiarla',
    end: 'Terminar esta meta',
    reason: 'Por qué termina',
    reasonHint: 'Por ejemplo: se cumplió, o ya no se necesita.',
    confirm: 'Revisé las fechas y lo que elegí para cada meta.',
    confirmRequired: 'Marque la casilla para confirmar.',
    submit: 'Empezar el siguiente plan',
    started: 'El siguiente plan ya empezó.',
    startedChange: 'El siguiente plan ya empezó. Ahora cambie las metas que eligió cambiar.',
    back: 'Volver al estudiante',
  },
} as const satisfies SectionWords<'iepCalendar'>
