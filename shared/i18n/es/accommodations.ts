import type { SectionWords } from './words.ts'

/** Words of the accommodation list and its forms. */
export const accommodations = {
  // Messages of the plan's text fields (accommodations and profiles share them).
  required: 'Falta llenar este campo: {{label}}.',
  tooLong: '{{label}}: como máximo {{max}} caracteres.',

  // The form
  newTitle: 'Nueva adaptación',
  newIntro: 'Un apoyo que recibe el estudiante, explicado para que cualquier adulto lo dé de la misma manera.',
  saveNew: 'Guardar la adaptación',
  editTitle: 'Editar la adaptación',
  saveEdit: 'Guardar los cambios',
  editFootnote: 'Al guardar, la versión anterior queda en el Historial.',
  titleLabel: 'Título',
  titleHint: 'Pocas palabras, como “Más tiempo en los exámenes”.',
  descriptionLabel: 'Descripción sencilla',
  descriptionHint: 'Lo que hace el adulto, en palabras de todos los días.',
  categoryLabel: 'Categoría',
  categoryChoose: 'Elija una categoría',
  categoryRequired: 'Elija una categoría de la lista.',
  category: {
    presentation: 'Presentación — cómo se le muestra el trabajo al estudiante',
    response: 'Respuesta — cómo contesta el estudiante',
    setting: 'Lugar — dónde trabaja el estudiante',
    timing: 'Tiempo — cuándo y por cuánto tiempo',
    regulation: 'Regulación — mantener la calma y la disposición para aprender',
    communication: 'Comunicación',
  },
  appliesLegend: 'Cuándo se aplica',
  appliesRequired: 'Elija cuándo se aplica: todos los días de clases, ciertos días de la semana, una materia o un momento del día, o solo en los exámenes.',
  applies: {
    daily: 'Todos los días de clases',
    weekdays: 'Ciertos días de la semana',
    subject: 'Una materia o un momento del día',
    tests: 'Solo en los exámenes',
  },
  weekdaysLegend: 'Qué días de la semana',
  weekdaysRequired: 'Elija por lo menos un día de la semana.',
  // kept in English: the day codes "mon" … "fri" are the values the schema compares
  weekdayInvalid: 'Use "mon", "tue", "wed", "thu" o "fri".',
  day: { mon: 'Lunes', tue: 'Martes', wed: 'Miércoles', thu: 'Jueves', fri: 'Viernes' },
  subjectLabel: 'Materia o momento del día',
  subjectName: 'La materia o el momento del día',
  subjectHint: 'Por ejemplo: Matemáticas, o después del almuerzo.',
  startDateLabel: 'Fecha de inicio',
  startDateHint: 'Debe estar dentro de este año escolar.',

  // The list
  none: 'Todavía no hay adaptaciones escritas.',
  listLabel: 'Adaptaciones',
  edit: 'Editar',
  editNamed: 'Editar {{title}}',

  // Fidelity over the last 20 school days
  fidelityIntro:
    'Del {{from}} al {{to}}. El uso es la cantidad de días en que se dio un apoyo, de los días en que correspondía (no se cuentan los días marcados “No hizo falta”). Un apoyo para una sola materia o para los exámenes solo cuenta los días en que alguien lo registró.',
  fidelityLabel: 'Uso reciente',
  noDaysYet: 'Todavía no hay días',
  neverApplied: 'No correspondía en ningún día registrado de este período.',
  unrecorded_one: 'Nadie lo registró {{count}} día:',
  unrecorded_other: 'Nadie lo registró {{count}} días:',
  recordedEveryDay: 'Se registró todos los días en que correspondía.',
  // Issue 14, item 1: the student page's figure is named for its period, unlike the accountability view's.
  numbers: {
    recentTitle: 'Uso reciente — últimos 20 días de clases',
    recentPercent: '{{percent}}% en los últimos 20 días de clases',
  },
} as const satisfies SectionWords<'accommodations'>
