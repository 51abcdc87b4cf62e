import type { SectionWords } from './words.ts'

/** Attached files (docs/attachments.md): the list and upload form shown on each record's page, and upload refusals. */
export const attachments = {
  title: 'Archivos adjuntos',
  none: 'Todavía no hay archivos adjuntos.',
  intro: 'PDF, imágenes (PNG, JPEG, GIF, WebP), texto simple o correos guardados (.eml), de hasta 10 MB cada uno. Solo las personas que pueden ver este registro pueden descargarlos.',
  familyOnlyNote: 'Esta inquietud es solo de la familia: sus archivos nunca se muestran a la escuela.',
  fileLabel: 'Archivo para adjuntar',
  attach: 'Adjuntar el archivo',
  download: 'Descargar {{name}}',
  remove: 'Quitar',
  removeLabel: 'Quitar {{name}}',
  removed: 'El archivo se quitó de la lista. Se conserva en el historial del registro.',
  attached: 'El archivo “{{name}}” está adjunto.',
  sizeAndWho: '{{size}} · agregado por {{who}} el {{date}}',
  kilobytes: '{{size}} KB',
  megabytes: '{{size}} MB',
  close: 'Cerrar',
  filesCount_one: 'Archivos adjuntos ({{count}})',
  filesCount_other: 'Archivos adjuntos ({{count}})',
  attachAFile: 'Adjuntar un archivo',
  filesOf: 'Archivos para {{name}}',
  pointName: 'el dato del {{date}}',
  /** Read after "Attached files (2)" by a screen reader, naming which record's files a link opens. */
  forRecord: ' para {{name}}',
  refused: {
    tooLarge: 'Ese archivo pesa más de 10 MB, así que no se adjuntó. Pruebe con un escaneo más pequeño o divídalo en partes.',
    empty: 'Ese archivo está vacío, así que no se adjuntó nada.',
    wrongType: 'No se puede adjuntar ese tipo de archivo. Adjunte un PDF, una imagen (PNG, JPEG, GIF, WebP), texto simple o un correo guardado (.eml).',
    noFile: 'Primero elija un archivo para adjuntar.',
    notFound: 'No se encontró ese registro para este estudiante.',
  },
  notFound: 'No se encontró ese archivo para este estudiante.',
  removeOwnOnly: 'Solo la persona que adjuntó un archivo puede quitarlo.',
} as const satisfies SectionWords<'attachments'>
