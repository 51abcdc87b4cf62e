import type { SectionWords } from './words.ts'

/** Words of the first screen after sign-in. */
export const home = {
  outbox: 'Correos enviados',
  outboxAt: 'Correos enviados: {{school}}',
  title: 'Mis estudiantes',
  hello: 'Hola, {{name}}. Estos son los estudiantes cuyos planes usted ayuda a cumplir.',
  todaysSupports: 'Apoyos de hoy',
  sessionsThisWeek: 'Sesiones de esta semana',
  importPlan: 'Importar un plan',
  importPlanAt: 'Importar un plan: {{school}}',
  overviews: 'Vistas generales',
  caseload: 'Estudiantes a cargo',
  schoolOverview: 'Vista general de la escuela',
  schoolOverviewAt: 'Vista general de la escuela: {{school}}',
  schoolSettings: 'Configuración de la escuela',
  schoolSettingsAt: 'Configuración de la escuela: {{school}}',
  noStudents: 'Todavía no forma parte del equipo de ningún estudiante. Cuando un maestro responsable del caso le envíe una invitación, el estudiante aparecerá aquí.',
  studentsLabel: 'Estudiantes',
  gradeAndSchool: 'Grado {{grade}} · {{school}}',
  yourRole: 'Su función: {{role}}',
  unknownAction: 'No se reconoce esa acción.',

  // Notices and alerts.
  newForYou: 'Nuevo para usted',
  notificationsLabel: 'Notificaciones',
  about: 'Sobre {{name}}',
  markSeen: 'Marcar como visto',
  markSeenNamed: 'Marcar como visto: {{text}}',
  needsAttention: 'Necesita atención hoy',
  alertLink: '{{name}} — {{service}}:',
  notificationIdRequired: 'Se necesita el identificador de la notificación.',
  notificationIdInvalid: 'Ese identificador de notificación no es válido.',
  // kept in English: “unseen”, true and false are the request field and its values this message is about
  unseenTrueOrFalse: 'unseen debe ser true o false.',

  // A parent's first screen: is each child's plan happening?
  parentPlan: {
    titleOne: 'El plan de {{name}}',
    titleMany: 'Los planes de sus hijos',
    hello: 'Hola, {{name}}. Así va el plan, con las mismas cifras que ve la escuela.',
    cardTitle: '¿Se está cumpliendo el plan de {{name}}?',
    servicesLabel: 'Servicios de {{name}}, primero los más atrasados',
    furthestBehind: 'El más atrasado',
    delivered: 'Se dio el {{rate}} de los minutos que tocaban.',
    noServices: 'Todavía no hay servicios en el plan de {{name}}.',
    supportsHeading: 'Apoyos que no se dieron esta semana',
    supportDays: '{{title}}: {{days}}',
    noSupportsMissed: 'Esta semana no se registró ningún apoyo como “No se dio”.',
    fullNumbers: 'Todas las cifras de {{name}}',
  },
  // Make-ups planned ahead, on the parent's card (issue 15, item 5): planned, not yet counted.
  plannedMakeUps: {
    line: 'Sesión de reposición prevista para el {{date}} (por la sesión perdida del {{session}}); se cuenta cuando se da.',
  },
} as const satisfies SectionWords<'home'>
