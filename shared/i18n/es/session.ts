import type { SectionWords } from './words.ts'

/** Signed-in sessions: the idle warning, why a session ended, the person's devices, the school's limits. */
export const session = {
  warning: {
    heading: '¿Sigue ahí?',
    idle: 'Para proteger la información de los estudiantes en dispositivos compartidos, usted saldrá de Same Page en {{seconds}} segundos.',
    max: 'El personal puede estar dentro 12 horas como máximo: usted saldrá de Same Page en {{seconds}} segundos. Lo que guardó se conserva.',
    stay: 'Seguir dentro',
    stayFailed: 'No se pudo conectar con Same Page para que siga dentro. Revise la conexión.',
  },
  ended: {
    idle: 'Usted salió de Same Page después de un tiempo sin actividad, para proteger la información de los estudiantes en dispositivos compartidos. Vuelva a entrar para seguir: lo que estaba pendiente de enviar desde este dispositivo se conserva y se envía cuando vuelva a entrar.',
    max: 'Usted salió de Same Page: el personal puede estar dentro 12 horas como máximo. Vuelva a entrar para seguir.',
  },
  devices: {
    heading: 'Dispositivos donde ha entrado',
    intro: 'Todos los navegadores donde su cuenta está abierta ahora. Haga salir su cuenta de los que no reconozca, o de los dispositivos compartidos donde la dejó abierta.',
    thisDevice: 'Este dispositivo',
    deviceName: '{{browser}} en {{system}}',
    unknownBrowser: 'Un navegador',
    unknownSystem: 'un sistema desconocido',
    signedIn: 'Entró el {{when}}',
    lastUsed: 'último uso el {{when}}',
    from: 'desde {{address}}',
    method: {
      password: 'con contraseña',
      invite: 'al aceptar una invitación',
      password_reset: 'después de cambiar la contraseña',
      two_step: 'con contraseña y código',
      sso: 'con la cuenta del distrito',
    },
    signOutShort: 'Salir',
    signOutWhich: ' ({{device}})',
    signOutOthers: 'Salir en todos los demás dispositivos',
    signedOut: 'Su cuenta salió de ese dispositivo.',
    othersSignedOut: 'Su cuenta salió de todos los demás dispositivos ({{count}}).',
    unknown: 'Su cuenta ya no está abierta en ese dispositivo.',
  },
  name: {
    heading: 'Su nombre',
    field: 'Nombre que ven sus equipos',
    save: 'Guardar el nombre',
    saved: 'Su nombre está guardado.',
    required: 'Escriba el nombre que conocen sus equipos.',
    tooLong: 'El nombre puede tener 80 caracteres como máximo.',
  },
  limits: {
    title: 'Límites de tiempo para estar dentro',
    heading: 'Cuánto tiempo siguen dentro las personas',
    intro:
      'El personal suele compartir dispositivos en el salón, así que la cuenta de cada miembro del personal sale después de un tiempo sin actividad, y después de 12 horas como máximo. Las familias entran desde sus propios teléfonos y siguen dentro más tiempo. La página avisa un minuto antes de hacer salir a alguien por inactividad.',
    staffIdle: 'Personal: minutos sin actividad antes de salir',
    familyDays: 'Familias: días que siguen dentro después de su última visita',
    save: 'Guardar los límites',
    saved: 'Guardado. Las cuentas abiertas siguen los nuevos límites desde su próximo paso.',
    staffIdleRange: 'Los minutos del personal deben ser un número entero de {{min}} a {{max}}.',
    familyDaysRange: 'Los días de las familias deben ser un número entero de {{min}} a {{max}}.',
    link: 'Límites de tiempo para estar dentro',
    linkHint: 'Personal: {{minutes}} minutos sin actividad; familias: {{days}} días.',
  },
} as const satisfies SectionWords<'session'>
