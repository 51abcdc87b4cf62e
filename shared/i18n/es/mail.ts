import type { SectionWords } from './words.ts'

/** Words of outgoing mail and the school's Outbox page. */
export const mail = {
  signed: '— Same Page',
  signedBySchool: '— {{school}}, por medio de Same Page',
  invite: {
    someone: 'Alguien de la escuela',
    subject: '{{inviter}} le invitó al equipo de {{student}} en Same Page',
    lead: '{{inviter}} le invitó a unirse al equipo de {{student}} en Same Page como {{role}}.',
    what: 'En Same Page, todas las personas que llevan a cabo el plan de {{student}} trabajan con el mismo plan en palabras sencillas y el mismo registro de lo que de verdad pasó.',
    expires: 'El enlace funciona una sola vez y hasta el {{expires}}.',
    action: 'Unirse al equipo de {{student}}',
    notYou: '¿No esperaba este mensaje? Puede ignorarlo: no pasa nada a menos que alguien abra el enlace y acepte la invitación.',
  },
  outbox: {
    title: 'Bandeja de salida',
    intro:
      'Todos los correos que Same Page envía para {{school}}. Si no hay un servidor de correo configurado, los mensajes se guardan aquí en lugar de enviarse: léalos aquí y comunique a mano lo que sea importante.',
    modeSmtp: 'Hay un servidor de correo configurado: los mensajes se envían, y se vuelve a intentar si el servidor no responde.',
    modeKept: 'No hay un servidor de correo configurado (SMTP_URL): los mensajes se guardan aquí y no se envían.',
    empty: 'Todavía no hay mensajes.',
    listLabel: 'Mensajes, del más nuevo al más antiguo',
    to: 'Para',
    subject: 'Asunto',
    status: 'Estado',
    created: 'Escrito',
    showBody: 'Leer el mensaje',
    statuses: {
      queued: 'Esperando para enviarse',
      sending: 'Enviando',
      sent: 'Enviado',
      kept: 'Guardado aquí (no enviado)',
      failed: 'No enviado: se dejó de intentar',
    },
    attempts: '{{count}} intentos; último error: {{error}}',
    more: 'Se muestran los {{count}} más nuevos.',
  },
} as const satisfies SectionWords<'mail'>
