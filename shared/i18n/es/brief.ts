import type { SectionWords } from './words.ts'

/** Words of the meeting brief page. */
export const brief = {
  title: 'Prepararse para una reunión',
  pageTitle: 'Prepararse para una reunión · {{name}}',
  back: 'Volver al plan de {{name}}',
  downloadPdf: 'Descargar PDF',
  print: 'Imprimir',
  servicesTitle: 'Servicios: lo que pide el IEP y lo que se dio',
  noServices: 'Ningún servicio había empezado para esta fecha.',
  sessions: 'Sesiones: {{sessions}}',
  owed: 'Lo que se debe reponer: {{ledger}}',
  missedReasons: 'Por qué no se dieron sesiones: {{reasons}}.',
  reasonSeparator: '; ',
  serviceAlerts: 'Alertas de {{service}}',
  accommodationsTitle: 'Adaptaciones: ¿se usaron?',
  noAccommodations: 'Ninguna adaptación había empezado para esta fecha.',
  fidelityLabel: 'Uso de las adaptaciones',
  accommodationDetail: '<strong>{{title}}</strong>: {{detail}}',
  used: 'Se usó: {{fidelity}}',
  noDaysYet: 'Todavía no hay días',
  goalsTitle: 'Metas: el progreso más reciente y cómo le iba al estudiante',
  noGoals: 'Todavía no hay metas.',
  target: 'Objetivo: {{target}}. {{reason}}',
  concernsTitle: 'Inquietudes abiertas',
  questionsTitle: 'Preguntas para hacer',
} as const satisfies SectionWords<'brief'>
