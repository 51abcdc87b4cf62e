import type { SectionWords } from './words.ts'

/** Words every page shares: the app's name, the header, error pages, form-level messages. */
export const common = {
  appName: 'Same Page',
  titleSuffix: '{{title}} · Same Page',
  skipToMain: 'Ir al contenido principal',
  signOut: 'Salir',
  notFoundTitle: 'No se encontró la página',
  notFoundBody: 'Esta página no existe, o usted no tiene acceso a ella.',
  errorTitle: 'Algo salió mal',
  errorBody: 'No se pudo mostrar la página. No se perdió nada de lo que usted escribió; inténtelo de nuevo en un momento.',
  backHome: 'Volver a Mis estudiantes',
  correctFields: 'Corrija los campos marcados abajo.',
  notFound: 'No se encontró',
  controlCharacters: '{{label}} no puede tener caracteres de control (se encontró {{code}}).',
  minutes_one: '{{count}} minuto',
  minutes_other: '{{count}} minutos',
  idRequired: 'Falta el identificador.',
  appNav: {
    label: 'Principal',
    today: 'Hoy',
    sessions: 'Sesiones',
    caseload: 'Estudiantes a cargo',
    students: 'Estudiantes',
  },
  offlineApp: {
    savedCopy: 'Guardado en este teléfono — cargado: {{when}}',
  },
} as const satisfies SectionWords<'common'>
