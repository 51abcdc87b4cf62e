import type { SectionWords } from './words.ts'

/** Words of the building blocks pages share (form parts, plain-language help). */
export const components = {
  saving: 'Guardando…',
  cancel: 'Cancelar',
  characterCount: '{{length}} de {{max}} caracteres',
  characterCountOver: '{{length}} de {{max}} caracteres — {{over}} de más',
  gradeBelowOne: 'Nivel de lectura: menos de primer grado',
  grade: 'Nivel de lectura: grado {{grade}}',
  gradeEmpty: 'El nivel de lectura y la revisión de palabras técnicas aparecen aquí mientras escribe. Trate de llegar al grado {{target}} o menos.',
  gradeTooHard: 'Más alto que el grado {{target}}: pruebe con oraciones más cortas y palabras de todos los días',
  gradeFine: 'Grado {{target}} o menos: fácil de leer para la mayoría de las familias.',
  noJargon: 'No se encontraron palabras técnicas de educación especial.',
  easeEmpty: 'La facilidad de lectura y la revisión de palabras técnicas aparecen aquí mientras escribe. Trate de llegar a {{target}} o más.',
  ease: 'Facilidad de lectura {{score}}: {{band}}',
  easeTooHard: 'Menos de {{target}}: pruebe con oraciones más cortas y palabras de todos los días',
  easeFine: '{{target}} o más: fácil de leer para la mayoría de las familias.',
  band: { 'very-hard': 'muy difícil', 'somewhat-hard': 'algo difícil', normal: 'normal', 'fairly-easy': 'bastante fácil', 'very-easy': 'muy fácil' },
  jargonHeading: 'Palabras técnicas que se pueden decir de forma más sencilla',
  jargonIn: 'Palabras técnicas en {{label}}',
  quoted: '“{{text}}”',
  instead: 'en su lugar,',
  jargonTry: 'pruebe con:',
} as const satisfies SectionWords<'components'>
