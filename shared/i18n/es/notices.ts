import type { SectionWords } from './words.ts'

/** Words of the notices that leave the app: in-app texts for new events and the immediate emails. */
export const notices = {
  supportNotProvided: '{{support}}: no se dio el {{date}}. Motivo: {{reason}}.',
  supportNotProvidedNoReason: '{{support}}: no se dio el {{date}}.',
  alertStarted: 'Nueva alerta sobre {{service}}: {{alert}}',
  alertCleared: 'Se resolvió la alerta sobre {{service}}: {{alert}}',
  concernReopened: 'Se volvió a abrir una inquietud que se había cerrado con un acuerdo el {{date}}: hay una nueva alerta sobre {{service}}: {{alert}}',
  sessionUnrecorded: 'La sesión de {{service}} del {{date}} todavía no está registrada, y ya pasó el plazo de {{days}} días de clases para registrarla.',
  mail: {
    greeting: 'Hola, {{name}}:',
    subject: {
      session_missed: '{{student}}: no se dio la sesión de {{service}} el {{date}}',
      support_not_provided: '{{student}}: no se dio un apoyo el {{date}}',
      alert_started: '{{student}}: nueva alerta sobre {{service}}',
      alert_cleared: '{{student}}: se resolvió la alerta sobre {{service}}',
      session_unrecorded: '{{student}}: la sesión de {{service}} del {{date}} no está registrada',
      plan_change: '{{student}}: un cambio en el plan',
      progress_report: '{{student}}: el informe de progreso de {{service}}',
      iep_due: '{{student}}: vence el {{date}}',
      concern_reopened: '{{student}}: se volvió a abrir una inquietud ({{service}})',
      records_ready: '{{student}}: el expediente completo está listo',
    },
    about: 'Sobre {{student}}:',
    action: {
      session_missed: 'Ver el registro de sesiones',
      support_not_provided: 'Ver el registro de apoyos',
      alert_started: 'Ver las cifras',
      alert_cleared: 'Ver las cifras',
      session_unrecorded: 'Registrar la sesión',
      plan_change: 'Ver el cambio y confirmar que lo vi',
      progress_report: 'Leer el informe',
      iep_due: 'Abrir la página del estudiante',
      concern_reopened: 'Ver la inquietud',
      records_ready: 'Descargar el archivo',
    },
    why: 'Usted recibe este correo enseguida porque eligió recibir los avisos sobre {{student}} en cuanto ocurren.',
    changeLink: 'Cambiar cómo recibe los avisos sobre {{student}}',
  },
  cadence: {
    invalid: 'Elija: cada aviso en cuanto ocurre, un correo al día, un correo a la semana, o solo en la aplicación.',
  },
} as const satisfies SectionWords<'notices'>
